package org.irqdsl.parser;

import java.util.function.Supplier;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.eclipse.xtext.parser.impl.TokenRegionProvider;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.name.Named;

/**
 * Xtext's widening of an edit to whole tokens, lexing from a token boundary shortly before the
 * edit instead of from the start of the text: for an edit in the middle of a 10,000-device file,
 * lexing the first half of the file was a third of a partial re-parse (docs/performance.md).
 * <p>
 * The boundary is the start of a token of the text before the edit, a few tokens before it, taken
 * from the previous parse's leaf nodes (each leaf is one token, hidden ones included); the text
 * before the edit is unchanged, and a lexer that starts at a token boundary emits the tokens it
 * would emit there when started at the beginning (the language's lexer keeps no state between
 * tokens). Without a previous parse — or near the start of the text — it lexes from the start.
 */
@Singleton
public class IrqDslTokenRegionProvider extends TokenRegionProvider {

	/** Tokens before the edit's first one where lexing starts: room for the lexer's lookahead. */
	private static final int TOKENS_BEFORE = 3;

	private static final ThreadLocal<ICompositeNode> PREVIOUS_ROOT = new ThreadLocal<>();

	@Inject
	@Named(LexerBindings.RUNTIME)
	private Provider<Lexer> lexerProvider;

	/** Runs a re-parse whose edited text was, before the edit, parsed into {@code previousRoot}. */
	static <T> T withPreviousParse(ICompositeNode previousRoot, Supplier<T> reparse) {
		ICompositeNode outer = PREVIOUS_ROOT.get();
		PREVIOUS_ROOT.set(previousRoot);
		try {
			return reparse.get();
		} finally {
			PREVIOUS_ROOT.set(outer);
		}
	}

	@Override
	public ITextRegion getTokenRegion(String text, ITextRegion region) {
		int regionStart = region.getOffset();
		int regionEnd = region.getEndOffset();
		int boundary = boundaryBefore(regionStart);
		ANTLRStringStream input = new ANTLRStringStream(text);
		input.seek(boundary);
		Lexer lexer = lexerProvider.get();
		lexer.setCharStream(input);
		// from here on, Xtext's TokenRegionProvider.getTokenRegion, started at the boundary instead of 0
		int currentStart = boundary;
		int currentEnd = boundary;
		CommonToken nextToken = (CommonToken) lexer.nextToken();
		while (nextToken != Token.EOF_TOKEN && currentEnd <= regionStart) {
			currentStart = nextToken.getStartIndex();
			currentEnd = nextToken.getStopIndex() + 1;
			nextToken = (CommonToken) lexer.nextToken();
		}
		while (nextToken != Token.EOF_TOKEN && currentEnd < regionEnd) {
			currentEnd = nextToken.getStopIndex() + 1;
			nextToken = (CommonToken) lexer.nextToken();
		}
		if (currentStart != regionStart || currentEnd != regionEnd) {
			return new TextRegion(currentStart, currentEnd - currentStart);
		}
		return region;
	}

	/** The start of a token a few tokens before the offset, in the text as last parsed; 0 when unknown. */
	private static int boundaryBefore(int offset) {
		ICompositeNode root = PREVIOUS_ROOT.get();
		if (root == null || offset > root.getTotalLength()) {
			return 0;
		}
		int boundary = offset;
		for (int i = 0; i < TOKENS_BEFORE && boundary > 0; i++) {
			ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, boundary - 1);
			if (leaf == null || leaf.getTotalOffset() >= boundary) {
				return 0;
			}
			boundary = leaf.getTotalOffset();
		}
		return boundary;
	}
}
