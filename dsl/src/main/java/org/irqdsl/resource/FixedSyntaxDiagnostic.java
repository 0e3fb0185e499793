package org.irqdsl.resource;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;

/**
 * A syntax error whose position and message are fixed when it is made: one found in a re-parse of
 * the text ({@link SyntaxRecovery}), whose node model is dropped (the positions are those of the
 * real text, the re-parse keeps every offset), or the message adds what the parser did next.
 */
final class FixedSyntaxDiagnostic extends XtextSyntaxDiagnostic {

	private final int offset;
	private final int length;
	private final int line;
	private final int column;
	private final int lineEnd;
	private final int columnEnd;
	private final String message;
	private final String code;

	FixedSyntaxDiagnostic(XtextSyntaxDiagnostic found, String message, String code) {
		super(null);
		this.offset = found.getOffset();
		this.length = found.getLength();
		this.line = found.getLine();
		this.column = found.getColumn();
		this.lineEnd = found.getLineEnd();
		this.columnEnd = found.getColumnEnd();
		this.message = message;
		this.code = code;
	}

	@Override
	protected INode getNode() {
		return null;
	}

	@Override
	public String getMessage() {
		return message;
	}

	@Override
	public String getCode() {
		return code;
	}

	@Override
	public String[] getData() {
		return null;
	}

	@Override
	public int getOffset() {
		return offset;
	}

	@Override
	public int getLength() {
		return length;
	}

	@Override
	public int getLine() {
		return line;
	}

	@Override
	public int getColumn() {
		return column;
	}

	@Override
	public int getLineEnd() {
		return lineEnd;
	}

	@Override
	public int getColumnEnd() {
		return columnEnd;
	}

	@Override
	public URI getUriToProblem() {
		return null;
	}
}
