package org.irqdsl.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The guest's user space: busybox, lspci and the libraries lspci loads, pci.ids. On x86 they are this
 * machine's own (Debian's busybox-static and pciutils, the libraries ldd names); for arm64 and riscv64
 * they come from a directory of that architecture's Debian packages unpacked with dpkg-deb -x
 * (scripts/qemu-guest-root), whose library folders are copied whole (ldd cannot run a foreign binary).
 *
 * @param files    each file's place in the initramfs and where it is read from
 * @param symlinks each link's place in the initramfs and its target
 */
public record GuestTools(List<Copy> files, List<Copy> symlinks) {

	/** A file (or link) of the initramfs: {@code target} is the path in the guest, {@code source} the host file or link text. */
	public record Copy(String target, String source) {
	}

	static final Path BUSYBOX = Path.of("/bin/busybox");
	static final Path LSPCI = Path.of("/usr/bin/lspci");
	static final Path PCI_IDS = Path.of("/usr/share/misc/pci.ids");

	/** This machine's busybox, lspci with the libraries ldd resolves, and pci.ids. */
	public static GuestTools host() throws QemuException {
		List<Copy> files = new ArrayList<>();
		files.add(new Copy("bin/busybox", existing(BUSYBOX, "busybox-static (scripts/install-system-packages qemu-x86)").toString()));
		files.add(new Copy("bin/lspci", existing(LSPCI, "pciutils (scripts/install-system-packages qemu-x86)").toString()));
		for (Path lib : Initramfs.sharedLibraries(LSPCI)) {
			files.add(new Copy(lib.toString(), lib.toString()));
		}
		if (Files.exists(PCI_IDS)) {
			files.add(new Copy(PCI_IDS.toString(), PCI_IDS.toString()));
		}
		return new GuestTools(files, List.of());
	}

	/**
	 * The tools of an unpacked Debian root of another architecture: bin/busybox (or usr/bin/busybox),
	 * usr/bin/lspci, every shared library and dynamic loader in its lib folders, pci.ids. Debian 13
	 * packages install under usr/ only (its /lib is the link to usr/lib that base-files makes), so a
	 * root whose lib is a link, or that has none, gets that link.
	 */
	public static GuestTools fromRoot(Path root) throws QemuException {
		if (!Files.isDirectory(root)) {
			throw new QemuException("--guest-root " + root + ": no such folder; expected Debian packages unpacked by scripts/qemu-guest-root ARCH");
		}
		List<Copy> files = new ArrayList<>();
		Path busybox = Stream.of("bin/busybox", "usr/bin/busybox").map(root::resolve).filter(Files::isRegularFile).findFirst()
				.orElseThrow(() -> new QemuException("--guest-root " + root + ": no bin/busybox (the busybox-static package of that architecture)"));
		files.add(new Copy("bin/busybox", busybox.toString()));
		Path lspci = Stream.of("usr/bin/lspci", "bin/lspci").map(root::resolve).filter(Files::isRegularFile).findFirst()
				.orElseThrow(() -> new QemuException("--guest-root " + root + ": no usr/bin/lspci (the pciutils package of that architecture)"));
		files.add(new Copy("bin/lspci", lspci.toString()));
		boolean libIsLink = Files.isSymbolicLink(root.resolve("lib")) || !Files.exists(root.resolve("lib"));
		for (String dir : libIsLink ? List.of("usr/lib") : List.of("lib", "usr/lib")) {
			for (Path lib : libraries(root.resolve(dir))) {
				files.add(new Copy(root.relativize(lib).toString(), lib.toString()));
			}
		}
		Optional<Path> ids = Stream.of("usr/share/misc/pci.ids", "usr/share/hwdata/pci.ids").map(root::resolve).filter(Files::isRegularFile).findFirst();
		ids.ifPresent(p -> files.add(new Copy(PCI_IDS.toString(), p.toString())));
		List<Copy> links = libIsLink ? List.of(new Copy("lib", "usr/lib")) : List.of();
		return new GuestTools(files, links);
	}

	/** The shared libraries and dynamic loaders in a lib folder and its architecture's subfolder (lib/aarch64-linux-gnu). */
	private static List<Path> libraries(Path dir) throws QemuException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<Path> libs = new ArrayList<>();
		try (Stream<Path> s = Files.walk(dir, 2)) {
			s.filter(p -> p.getFileName().toString().matches("(lib|ld-linux)[^/]*\\.so(\\.[0-9]+)*"))
					.filter(p -> dir.relativize(p).getNameCount() == 1 || dir.relativize(p).getName(0).toString().endsWith("-linux-gnu"))
					.filter(p -> Files.isRegularFile(p)).sorted().forEach(libs::add);
		} catch (IOException e) {
			throw new QemuException(dir + ": cannot list (" + e.getMessage() + ")");
		}
		return libs;
	}

	private static Path existing(Path p, String from) throws QemuException {
		if (!Files.exists(p)) {
			throw new QemuException(p + ": not found; it comes from " + from);
		}
		return p;
	}
}
