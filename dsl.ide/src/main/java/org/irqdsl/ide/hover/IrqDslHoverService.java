package org.irqdsl.ide.hover;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.runtime.kernel.KernelGlossary;
import org.irqdsl.runtime.kernel.KernelName;
import org.irqdsl.runtime.kernel.MsiFlag;
import org.irqdsl.runtime.kernel.MsiLib;

/**
 * Hover: the kernel meaning of a flag, token, mask or domain kind; for a domain its effective
 * flags as children get them; for a device its path to the CPU and the strategy in force.
 */
public class IrqDslHoverService extends HoverService {

	@Override
	protected Hover hover(HoverContext context) {
		if (context == null) {
			return super.hover(null);
		}
		Optional<String> kernel = kernelNameAt(context);
		if (kernel.isPresent()) {
			return new Hover(new MarkupContent(MarkupKind.MARKDOWN, kernel.get()), getRange(context));
		}
		return super.hover(context);
	}

	private static Optional<String> kernelNameAt(HoverContext context) {
		if (context.getResource().getParseResult() == null) {
			return Optional.empty();
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(context.getResource().getParseResult().getRootNode(), context.getOffset());
		if (leaf == null || leaf.isHidden()) {
			return Optional.empty();
		}
		return KernelGlossary.lookup(leaf.getText()).map(n -> "**" + n.kernelName() + "** — " + n.meaning());
	}

	@Override
	public String getContents(EObject element) {
		if (element instanceof Domain domain) {
			return domainHover(domain);
		}
		if (element instanceof Device device) {
			return deviceHover(device);
		}
		return super.getContents(element);
	}

	private static String domainHover(Domain domain) {
		StringBuilder md = new StringBuilder("**domain " + domain.getName() + "** : " + domain.getKind());
		KernelGlossary.lookup(domain.getKind()).map(KernelName::meaning).ifPresent(m -> md.append(" — ").append(m));
		if (domain.getOps() != null) {
			long supported = org.irqdsl.analysis.DomainFacts.supportedFlags(domain.getOps());
			long required = org.irqdsl.analysis.DomainFacts.requiredFlags(domain.getOps());
			md.append("\n\nEffective flags of a PCI/MSI child (`flags &= supported; flags |= required`):\n\n")
					.append(flags(MsiLib.effectiveFlags(MsiLib.PCI_MSI_TEMPLATE_FLAGS, supported, required)))
					.append("\n\nEffective flags of a PCI/MSI-X child:\n\n")
					.append(flags(MsiLib.effectiveFlags(MsiLib.PCI_MSIX_TEMPLATE_FLAGS, supported, required)));
		}
		return md.toString();
	}

	static String deviceHover(Device device) {
		Platform platform = EcoreUtil2.getContainerOfType(device, Platform.class);
		if (platform == null) {
			return "device " + device.getName();
		}
		return new PlatformFacts(platform).path(device).map(path -> {
			String chain = path.domains().stream().map(d -> d.getName() + " : " + d.getKind()).collect(Collectors.joining(" → "));
			org.irqdsl.analysis.ProcedureInEffect proc = path.procedure();
			return "**device " + device.getName() + "** at " + device.getAddress() + "\n\nPath to the CPU: "
					+ (chain.isEmpty() ? "(no MSI parent)" : chain) + "\n\naffinity-update: procedure `"
					+ proc.procedure().name() + "`" + proc.keyword().map(k -> " (keyword `" + k.jsonName() + "`)").orElse("")
					+ ", " + proc.origin() + "; runs " + proc.procedure().runs().jsonName()
					+ (proc.procedure().cites().isEmpty() ? "" : "\n\nfollows: " + proc.procedure().cites())
					+ (path.hasRemapping() ? "\n\n(interrupt remapping on the path)" : "") + "\n\nmessage write: "
					+ path.msiWrite().getLiteral();
		}).orElse("device " + device.getName());
	}

	private static String flags(long flags) {
		List<String> names = MsiFlag.decode(flags).stream().map(f -> "`" + f.name() + "`").toList();
		return names.isEmpty() ? "(none)" : String.join(", ", names);
	}
}
