package org.irqdsl.validation.policy;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.CommonPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;

import com.google.inject.Singleton;

/**
 * The injector's check policy: for each .irqdsl file, the .irqdsl-checks file of its folder and
 * the command line's switches. The validator, and so the command line, the language server and
 * Eclipse, asks it which checks run and at which severity. The command line hands its switches to
 * the resource set it validates in ({@link #useSwitches}), so two runs in one process (tests, the
 * simulate and generate commands) never see each other's switches.
 */
@Singleton
public class CheckPolicies {

	private static final String SWITCHES = SeverityPolicy.class.getName();

	private final CheckConfigFiles configFiles = new CheckConfigFiles();

	/** The command line's {@code -W}/{@code -E} switches for every file validated in {@code set}. */
	public static void useSwitches(ResourceSet set, SeverityPolicy switches) {
		set.getLoadOptions().put(SWITCHES, switches);
	}

	/** The policy of the file {@code resource} was loaded from. */
	public FilePolicy of(Resource resource) {
		return FilePolicy.of(config(resource), switches(resource));
	}

	/** The .irqdsl-checks file that configures {@code resource}: its folder's, if the resource is a file. */
	public CheckConfig config(Resource resource) {
		Path file = fileOf(resource);
		Path folder = file == null ? null : file.getParent();
		return folder == null ? CheckConfig.EMPTY : configFiles.of(folder);
	}

	private static SeverityPolicy switches(Resource resource) {
		ResourceSet set = resource == null ? null : resource.getResourceSet();
		Map<Object, Object> options = set == null ? Map.of() : set.getLoadOptions();
		return options.get(SWITCHES) instanceof SeverityPolicy p ? p : SeverityPolicy.NONE;
	}

	/** The local file of a resource: file: URIs, and Eclipse's platform:/resource URIs when Eclipse resolves them. */
	static Path fileOf(Resource resource) {
		URI uri = resource == null ? null : resource.getURI();
		if (uri == null) {
			return null;
		}
		if (uri.isPlatform()) {
			uri = CommonPlugin.resolve(uri);
		}
		if (!uri.isFile() || uri.toFileString() == null) {
			return null;
		}
		try {
			return Path.of(uri.toFileString());
		} catch (RuntimeException e) {
			return null;
		}
	}
}
