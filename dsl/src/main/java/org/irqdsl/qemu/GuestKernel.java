package org.irqdsl.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The kernel the guest boots: a Debian linux-image-* on this machine (/boot/vmlinuz-RELEASE and its
 * modules under /lib/modules/RELEASE), and the modules a driver needs, in the order insmod takes them
 * (modules.dep lists a module's dependencies, the ones it needs last last).
 */
public record GuestKernel(Path image, String release, Optional<Path> modulesDir) {

	/** The newest /boot/vmlinuz-*, or the named image. */
	public static GuestKernel find(Optional<Path> given, Path boot, Path modulesRoot) throws QemuException {
		Path image;
		if (given.isPresent()) {
			image = given.get();
			if (!Files.isRegularFile(image)) {
				throw new QemuException("--kernel " + image + ": no such file; expected a kernel image such as /boot/vmlinuz-6.1.0-57-amd64");
			}
		} else {
			try (Stream<Path> s = Files.list(boot)) {
				image = s.filter(p -> p.getFileName().toString().matches("vmlinu[zx]-.*"))
						.max(Comparator.comparing(p -> p.getFileName().toString(), GuestKernel::compareReleases))
						.orElseThrow(() -> new QemuException("no kernel in " + boot
								+ " (vmlinuz-*): install one with scripts/install-system-packages qemu-x86, or give --kernel FILE"));
			} catch (IOException e) {
				throw new QemuException(boot + ": cannot list (" + e.getMessage() + "); give --kernel FILE");
			}
		}
		String name = image.getFileName().toString();
		// Debian's riscv64 kernel is /boot/vmlinux-RELEASE (an Image), the others /boot/vmlinuz-RELEASE
		String release = name.matches("vmlinu[zx]-.*") ? name.substring("vmlinuz-".length()) : name;
		Path mods = modulesRoot.resolve(release);
		if (!Files.isReadable(image)) {
			throw new QemuException(image + ": not readable (Debian's /boot/vmlinuz-* is readable by root only)");
		}
		return new GuestKernel(image, release, Files.isDirectory(mods) ? Optional.of(mods) : Optional.empty());
	}

	/** 6.12.1 after 6.1.0-57: numbers compared as numbers. */
	static int compareReleases(String a, String b) {
		String[] x = a.split("[^0-9]+");
		String[] y = b.split("[^0-9]+");
		for (int i = 0; i < Math.min(x.length, y.length); i++) {
			if (x[i].isEmpty() || y[i].isEmpty()) {
				continue;
			}
			int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(x.length, y.length);
	}

	/**
	 * The module files to insmod for these module names, dependencies first, each once; a module the
	 * kernel has built in (modules.builtin) needs none.
	 */
	public List<Path> modules(List<String> names) throws QemuException {
		if (names.isEmpty()) {
			return List.of();
		}
		Path dir = modulesDir.orElseThrow(() -> new QemuException("no /lib/modules/" + release
				+ " for the kernel " + image + ": its drivers cannot be loaded (install the matching linux-image package)"));
		Map<String, String> dep = new HashMap<>();
		Set<String> builtin = new LinkedHashSet<>();
		try {
			for (String line : Files.readAllLines(dir.resolve("modules.dep"))) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					dep.put(line.substring(0, colon), line.substring(colon + 1).trim());
				}
			}
			Path b = dir.resolve("modules.builtin");
			if (Files.exists(b)) {
				Files.readAllLines(b).forEach(l -> builtin.add(base(l)));
			}
		} catch (IOException e) {
			throw new QemuException(dir.resolve("modules.dep") + ": cannot read (" + e.getMessage() + ")");
		}
		LinkedHashSet<String> order = new LinkedHashSet<>();
		for (String n : names) {
			Optional<String> file = dep.keySet().stream().filter(k -> base(k).equals(n)).findFirst();
			if (file.isEmpty()) {
				if (builtin.contains(n)) {
					continue;
				}
				throw new QemuException(dir.resolve("modules.dep") + ": no module " + n + " (and not built in): the kernel " + release
						+ " cannot drive this device");
			}
			List<String> deps = new ArrayList<>(List.of(dep.get(file.get()).split("\\s+")));
			deps.removeIf(String::isEmpty);
			// modules.dep: the last dependency is loaded first
			for (int i = deps.size() - 1; i >= 0; i--) {
				order.add(deps.get(i));
			}
			order.add(file.get());
		}
		return order.stream().map(dir::resolve).toList();
	}

	private static String base(String path) {
		String f = path.substring(path.lastIndexOf('/') + 1);
		return f.replaceFirst("\\.ko(\\.(xz|gz|zst))?$", "");
	}
}
