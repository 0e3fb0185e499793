package org.irqdsl.qemu;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.irqDsl.Model;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.irqDsl.Scenario;

/** .irqdsl text or files as models, with syntax errors as one-line messages. */
public final class Models {

	private Models() {
	}

	public static Model parse(String text, String name) throws QemuException {
		XtextResourceSet set = IrqDslInjector.get().getInstance(XtextResourceSet.class);
		Resource r = set.createResource(URI.createFileURI(Path.of(name).toAbsolutePath().toString()));
		try {
			r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		} catch (IOException e) {
			throw new QemuException(name + ": " + e.getMessage());
		}
		return check(r, name);
	}

	public static Model load(Path file) throws QemuException {
		XtextResourceSet set = IrqDslInjector.get().getInstance(XtextResourceSet.class);
		Resource r;
		try {
			r = set.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
		} catch (RuntimeException e) {
			throw new QemuException(file + ": cannot read (" + e.getMessage() + ")");
		}
		return check(r, file.toString());
	}

	private static Model check(Resource r, String name) throws QemuException {
		EcoreUtil.resolveAll(r);
		if (!r.getErrors().isEmpty()) {
			Resource.Diagnostic d = r.getErrors().get(0);
			throw new QemuException(name + ":" + d.getLine() + ": " + d.getMessage());
		}
		if (r.getContents().isEmpty() || !(r.getContents().get(0) instanceof Model m)) {
			throw new QemuException(name + ": expected an .irqdsl description");
		}
		return m;
	}

	public static Platform platform(Model m, String name, String file) throws QemuException {
		List<Platform> ps = EcoreUtil2Platforms.of(m);
		return ps.stream().filter(p -> p.getName().equals(name)).findFirst()
				.orElseThrow(() -> new QemuException(file + ": no platform " + name + " (platforms: "
						+ String.join(", ", ps.stream().map(Platform::getName).toList()) + ")"));
	}

	public static List<Scenario> scenarios(Model m, Platform p) {
		return org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(m, Scenario.class).stream().filter(s -> s.getPlatform() == p).toList();
	}

	private static final class EcoreUtil2Platforms {
		static List<Platform> of(Model m) {
			return org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(m, Platform.class);
		}
	}
}
