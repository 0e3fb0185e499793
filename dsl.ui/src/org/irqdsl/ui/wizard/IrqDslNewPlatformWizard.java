package org.irqdsl.ui.wizard;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.irqdsl.ui.IrqDslActivator;
import org.irqdsl.ui.IrqDslLanguage;

/** File → New → irqdsl platform: a new {@code .irqdsl} file with a platform to start from. */
public class IrqDslNewPlatformWizard extends BasicNewResourceWizard {

	public static final String ID = "org.irqdsl.ui.newPlatformWizard";

	private WizardNewFileCreationPage page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
		super.init(workbench, currentSelection);
		setWindowTitle("New irqdsl platform");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void addPages() {
		page = new WizardNewFileCreationPage("newPlatform", getSelection()) {
			@Override
			protected InputStream getInitialContents() {
				return new ByteArrayInputStream(template(getFileName()).getBytes(StandardCharsets.UTF_8));
			}
		};
		page.setTitle("irqdsl platform");
		page.setDescription("A new .irqdsl file describing a platform: CPUs, irq domains, buses and devices.");
		page.setFileExtension(IrqDslLanguage.FILE_EXTENSION);
		page.setFileName("platform." + IrqDslLanguage.FILE_EXTENSION);
		addPage(page);
	}

	/** The new file's text: a platform named after the file, with a vector domain, a PCI bus and a device. */
	public static String template(String fileName) {
		String base = fileName == null ? "platform" : fileName.replaceFirst("\\.irqdsl$", "");
		String name = base.replaceAll("[^A-Za-z0-9_]", "_");
		if (name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
			name = "p_" + name;
		}
		return "// " + base + "\n"
				+ "platform " + name + " {\n"
				+ "    cpus 4\n"
				+ "\n"
				+ "    domain vector : VECTOR {\n"
				+ "        vectors 0x20..0xff\n"
				+ "        msi-parent-ops {\n"
				+ "            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX\n"
				+ "            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS\n"
				+ "        }\n"
				+ "        affinity-update two-step\n"
				+ "    }\n"
				+ "\n"
				+ "    bus pci pcie0 msi-parent vector {\n"
				+ "        device nvme0 at \"00:03.0\" { msi-x count 32 }\n"
				+ "    }\n"
				+ "}\n";
	}

	@Override
	public boolean performFinish() {
		IFile file = page.createNewFile();
		if (file == null) {
			return false;
		}
		selectAndReveal(file);
		try {
			if (getWorkbench().getActiveWorkbenchWindow() != null) {
				IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
			}
		} catch (PartInitException e) {
			IrqDslActivator.log("cannot open " + file.getFullPath(), e);
		}
		return true;
	}
}
