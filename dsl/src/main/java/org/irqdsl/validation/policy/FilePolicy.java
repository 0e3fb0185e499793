package org.irqdsl.validation.policy;

import java.util.Optional;

import org.eclipse.xtext.diagnostics.Severity;
import org.irqdsl.validation.CheckInfo;

/**
 * Which checks run on one .irqdsl file, and at which severity: the command line's switches
 * override the folder's .irqdsl-checks file, which overrides the severity a check reports.
 */
public record FilePolicy(CheckConfig config, SeverityPolicy commandLine) {

	public static final FilePolicy DEFAULT = new FilePolicy(CheckConfig.EMPTY, SeverityPolicy.NONE);

	public static FilePolicy of(CheckConfig config, SeverityPolicy commandLine) {
		return new FilePolicy(config, commandLine);
	}

	/** The severity of a finding of check {@code id} reported at {@code reported}, or empty when the check is off. */
	public Optional<Severity> severity(String id, Severity reported) {
		Optional<SeverityPolicy.Switch> switched = commandLine.switchFor(id);
		if (switched.isPresent() && switched.get() == SeverityPolicy.Switch.OFF) {
			return Optional.empty();
		}
		if (switched.isPresent() && switched.get() == SeverityPolicy.Switch.ERROR) {
			return Optional.of(Severity.ERROR);
		}
		Optional<Severity> configured = config.setting(id);
		if (configured.isEmpty() || configured.get() == Severity.IGNORE && switched.isPresent()) {
			return reported == Severity.IGNORE ? Optional.empty() : Optional.of(reported);
		}
		return configured.get() == Severity.IGNORE ? Optional.empty() : configured;
	}

	public boolean enabled(String id) {
		return severity(id, Severity.ERROR).isPresent();
	}

	public boolean enabled(CheckInfo check) {
		return enabled(check.id());
	}
}
