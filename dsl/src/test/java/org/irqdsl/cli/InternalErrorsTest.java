package org.irqdsl.cli;

import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.diagnostics.Finding;
import org.irqdsl.validation.policy.SeverityPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.cli.CliRun.X86_IR;
import static org.irqdsl.cli.CliRun.X86_IR_WARNING;
import static org.irqdsl.cli.CliRun.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.apache.log4j.Logger;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;
import org.irqdsl.IrqDslRuntimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

/**
 * Xtext catches what a check throws, logs it with its stack trace and goes on. The checker turns
 * that into an internal error naming the file, without the stack trace.
 */
class InternalErrorsTest {

	@TempDir
	Path dir;

	/** Validates normally, then fails the way Xtext reports a check that threw, for files named crash*. */
	static class FailingValidator extends ResourceValidatorImpl {
		@Override
		public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator) {
			List<Issue> issues = super.validate(resource, mode, indicator);
			if (resource.getURI().lastSegment().startsWith("crash")) {
				Logger.getLogger(ResourceValidatorImpl.class).error("a check failed", new IllegalStateException("boom"));
			}
			return issues;
		}
	}

	@Test
	void aSwallowedExceptionBecomesAnInternalErrorNamingTheFile() throws IOException, UsageException {
		IrqDslInjector.get(); // EMF registration
		Injector injector = Guice.createInjector(Modules.override(new IrqDslRuntimeModule())
				.with(binder -> binder.bind(IResourceValidator.class).to(FailingValidator.class)));
		Path crash = write(dir, "crash.irqdsl", X86_IR);
		Path fine = write(dir, "fine.irqdsl", X86_IR.replace("x86_ir", "other"));
		List<?> appendersBefore = Collections.list(Logger.getRootLogger().getAllAppenders());

		WorkspaceChecker.Result result = injector.getInstance(WorkspaceChecker.class).check(List.of(crash, fine),
				new SourceFiles(1 << 20), SeverityPolicy.NONE);

		assertThat(result.internalErrors()).hasSize(1);
		assertThat(result.internalErrors().get(0))
				.startsWith(crash + ": internal error while checking this file (in InternalErrorsTest$FailingValidator.validate, InternalErrorsTest.java:")
				.endsWith("; its findings may be incomplete. Please report it with the file (IRQDSL_DEBUG=1 prints the details).")
				.doesNotContain("Exception").doesNotContain("boom");
		// the findings that were made are still reported
		assertThat(result.findings()).map(Finding::toText).containsExactly(crash + ":" + X86_IR_WARNING, fine + ":" + X86_IR_WARNING);
		assertThat(Collections.list(Logger.getRootLogger().getAllAppenders())).isEqualTo(appendersBefore);
	}
}
