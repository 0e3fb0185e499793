package org.irqdsl.parser;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.impl.PartialParsingHelper;
import org.eclipse.xtext.util.ReplaceRegion;
import org.irqdsl.linking.LinkTargets;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Xtext's partial re-parse, telling its caller what it replaced: Xtext replaces the smallest
 * re-parsable element around an edit and unloads the old one, but says neither. The resource
 * ({@code IrqDslResource}) uses the {@link Replacement} to link only the new element when nothing
 * that references can name changed (docs/performance.md, "Linking only what an edit replaced").
 * <p>
 * Recording is per thread and only inside {@link #recording}: the parser is shared.
 */
@Singleton
public class IrqDslPartialParsingHelper extends PartialParsingHelper {

	@Inject
	private IQualifiedNameProvider names;

	private final ThreadLocal<Recording> recording = new ThreadLocal<>();

	/** Runs an update of a resource; during it, {@link #replacement()} tells what a partial re-parse replaced. */
	public void recording(Runnable update) {
		Recording previous = recording.get();
		recording.set(new Recording());
		try {
			update.run();
		} finally {
			recording.set(previous);
		}
	}

	/**
	 * The element the re-parse of the running {@link #recording} replaced by one new element, if it
	 * did exactly that (not when it re-parsed the whole text, removed the element, or replaced a root).
	 */
	public Optional<Replacement> replacement() {
		Recording current = recording.get();
		return current == null ? Optional.empty() : Optional.ofNullable(current.replacement);
	}

	@Override
	public IParseResult reparse(IParser parser, IParseResult previousParseResult, ReplaceRegion changedRegion) {
		Recording current = recording.get();
		if (current != null) {
			current.start();
		}
		IParseResult result = IrqDslTokenRegionProvider.withPreviousParse(previousParseResult.getRootNode(),
				() -> super.reparse(parser, previousParseResult, changedRegion));
		if (current != null) {
			current.finish(previousParseResult, result);
		}
		return result;
	}

	@Override
	public void unloadSemanticObject(EObject object) {
		Recording current = recording.get();
		if (current != null && object != null) {
			current.unloading(object, names);
		}
		super.unloadSemanticObject(object);
	}

	private static final class Recording {
		private int unloaded;
		private EObject container;
		private EStructuralFeature feature;
		private int index;
		private int size;
		private EObject replaced;
		private List<LinkTargets.Target> targets;
		private Replacement replacement;

		void start() {
			unloaded = 0;
			container = null;
			replacement = null;
		}

		/** Xtext unloads the old element before it puts the new one in its place. */
		void unloading(EObject object, IQualifiedNameProvider names) {
			unloaded++;
			container = object.eContainer();
			if (container == null) {
				return; // the root: a whole re-parse
			}
			feature = object.eContainingFeature();
			if (feature.isMany()) {
				List<?> siblings = (List<?>) container.eGet(feature, false);
				index = siblings.indexOf(object);
				size = siblings.size();
			} else {
				index = -1;
			}
			replaced = object;
			targets = LinkTargets.of(object, names);
		}

		void finish(IParseResult previous, IParseResult result) {
			if (unloaded != 1 || container == null || result.getRootASTElement() != previous.getRootASTElement()) {
				return;
			}
			Object value = container.eGet(feature, false);
			EObject now = null;
			if (value instanceof List<?> list) {
				// an element that became nothing was removed: the list is shorter
				now = index >= 0 && list.size() == size ? (EObject) list.get(index) : null;
			} else if (value instanceof EObject single) {
				now = single;
			}
			if (now != null && now != replaced) {
				replacement = new Replacement(container, feature, index, replaced, targets, now);
			}
		}
	}
}
