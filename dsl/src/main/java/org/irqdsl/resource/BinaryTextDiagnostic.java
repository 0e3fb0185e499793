package org.irqdsl.resource;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.nodemodel.INode;
import org.irqdsl.validation.IrqDslChecks;

/** The error of a binary text ({@link BinaryText}), with the id {@code unreadable} the command line gives it. */
final class BinaryTextDiagnostic extends AbstractDiagnostic {

	private final BinaryText binary;

	BinaryTextDiagnostic(BinaryText binary) {
		this.binary = binary;
	}

	@Override
	protected INode getNode() {
		return null;
	}

	@Override
	public String getCode() {
		return IrqDslChecks.UNREADABLE.id();
	}

	@Override
	public String[] getData() {
		return null;
	}

	@Override
	public String getMessage() {
		return binary.message();
	}

	@Override
	public int getOffset() {
		return binary.offset();
	}

	@Override
	public int getLength() {
		return 1;
	}

	@Override
	public int getLine() {
		return binary.line();
	}

	@Override
	public int getColumn() {
		return binary.column();
	}

	@Override
	public int getLineEnd() {
		return binary.line();
	}

	@Override
	public int getColumnEnd() {
		return binary.column() + 1;
	}

	@Override
	public URI getUriToProblem() {
		return null;
	}

	@Override
	public String getLocation() {
		return null;
	}
}
