package org.irqdsl.analysis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Whether the text writes a feature. EMF's {@code eIsSet()} is false whenever the value equals the
 * feature's default (the first enum literal, 0 for numbers), so on its own it reads
 * {@code chip-mask yes}, {@code affinity-update direct}, {@code msi-write config-words},
 * {@code vectors 0x0..}, {@code msi count 0} or {@code cpus [3..0]} as not written; the node model
 * knows what was written.
 * <p>
 * The node-model answer is remembered per parse of the resource (an adapter on the resource, reset
 * when the resource is parsed again, in whole or in part): looking for a feature's nodes walks all
 * the children of the object's node, so asking a bus with 256 devices once per device (a device's
 * {@code msi-write} falls back to its bus's) made validation quadratic in the devices of a bus; it
 * was a third of the language server's time after an edit of a 10,000-device file.
 */
public final class Written {

	private Written() {
	}

	public static boolean isWritten(EObject object, EStructuralFeature feature) {
		if (object.eIsSet(feature)) {
			return true;
		}
		if (object.eResource() instanceof XtextResource resource && resource.getParseResult() != null) {
			return Answers.of(resource).computeIfAbsent(List.of(object, feature), k -> hasNodes(object, feature));
		}
		return hasNodes(object, feature);
	}

	private static boolean hasNodes(EObject object, EStructuralFeature feature) {
		return !NodeModelUtils.findNodesForFeature(object, feature).isEmpty();
	}

	/** The answers for one parse result of a resource (concurrent: editor services read in parallel). */
	private static final class Answers extends AdapterImpl {
		private IParseResult parse;
		private final Map<List<Object>, Boolean> written = new ConcurrentHashMap<>();

		static synchronized Map<List<Object>, Boolean> of(XtextResource resource) {
			Answers answers = (Answers) EcoreUtil.getExistingAdapter(resource, Answers.class);
			if (answers == null) {
				answers = new Answers();
				resource.eAdapters().add(answers);
			}
			if (answers.parse != resource.getParseResult()) {
				answers.parse = resource.getParseResult();
				answers.written.clear();
			}
			return answers.written;
		}

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Answers.class;
		}
	}
}
