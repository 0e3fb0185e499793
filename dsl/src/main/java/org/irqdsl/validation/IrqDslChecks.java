package org.irqdsl.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.xtext.diagnostics.Severity;
import org.irqdsl.validation.checks.AsyncMsiWrite;
import org.irqdsl.validation.checks.ProcedureReference;
import org.irqdsl.validation.checks.BusSelectTokenMismatch;
import org.irqdsl.validation.checks.BusTokenNotSelected;
import org.irqdsl.validation.checks.CpuRangeCheck;
import org.irqdsl.validation.checks.DomainCycle;
import org.irqdsl.validation.checks.DuplicateDeviceName;
import org.irqdsl.validation.checks.DuplicateAddress;
import org.irqdsl.validation.checks.FlagMaskedByParent;
import org.irqdsl.validation.checks.MissingMsiParentOps;
import org.irqdsl.validation.checks.MsiCount;
import org.irqdsl.validation.checks.NoMsiParent;
import org.irqdsl.validation.checks.NonMaskableMsiWithoutRemap;
import org.irqdsl.validation.checks.RequiredNotSupported;
import org.irqdsl.validation.checks.RetriggerTakesHeldLock;
import org.irqdsl.validation.checks.ScenarioExpectation;
import org.irqdsl.validation.checks.ScenarioNotSimulable;
import org.irqdsl.validation.checks.ScenarioReferences;
import org.irqdsl.validation.checks.UnknownKernelName;
import org.irqdsl.validation.checks.UnmaskableWithoutParentMask;
import org.irqdsl.validation.checks.VectorExhaustion;
import org.irqdsl.validation.checks.VectorRange;
import org.irqdsl.validation.checks.VmdFreeWithoutGracePeriod;
import org.irqdsl.validation.checks.VmdUnbalancedMapping;
import org.irqdsl.validation.checks.VmdUselessDomain;

/** The catalog: every check the language runs, and the ids of the diagnostics that are not checks. */
public final class IrqDslChecks {

	public static final CheckInfo SYNTAX = CheckInfo.error("syntax", "Syntax error", "the grammar (docs/language.md)",
			"The text does not follow the grammar; the message says what was found and what was expected there. Every syntax error of a file is reported, each with its position.")
			.kind(CheckKind.SYNTAX);
	public static final CheckInfo UNRESOLVED_REFERENCE = CheckInfo.error("unresolved-reference", "Unknown name",
			"scoping (docs/language.md)",
			"A reference (a domain's `parent`, a bus's `msi-parent`, a scenario's platform or device) names nothing that is visible: domains of the same platform, devices of the scenario's platform, platforms of any `.irqdsl` file in the same folder.")
			.kind(CheckKind.LINKING);
	public static final CheckInfo DUPLICATE_NAME = CheckInfo.error("duplicate-name", "Name declared twice",
			"scoping (docs/language.md)", "Two platforms or scenarios (across the files of a folder), two domains of one platform, or two devices of one platform (on any of its buses: scenarios name devices by simple name) share a name.")
			.kind(CheckKind.LINKING);
	public static final CheckInfo EMPTY_FILE = CheckInfo.error("empty-file", "File declares nothing", "the grammar",
			"The file is empty or holds only comments: expected at least one `platform` or `scenario`.")
			.kind(CheckKind.FILE);
	public static final CheckInfo UNREADABLE = CheckInfo.error("unreadable", "File cannot be read", "the command line",
			"The file is missing, is not readable, is not valid UTF-8, or is larger than the size limit (`--max-file-size`). `irqdsl check` exits with status 2.")
			.kind(CheckKind.FILE);
	public static final CheckInfo CHECK_CONFIG = CheckInfo.error("check-config", "Bad line in a .irqdsl-checks file",
			"the check configuration (docs/checks.md#configuration)",
			"A line of a folder's `.irqdsl-checks` file is not `<check-id>: off|info|warning|error` (or a `#` comment), names no check, or names an unknown severity. The finding names the file and line and says what was expected; it is reported on every `.irqdsl` file of the folder, and the line is ignored.")
			.kind(CheckKind.CONFIG);
	public static final CheckInfo UNUSED_SUPPRESSION = CheckInfo.warning("unused-suppression", "Suppression comment that suppresses nothing",
			"the check configuration (docs/checks.md#suppressing-one-finding)",
			"An `// irqdsl-ignore(<id>)` comment whose line has no finding of that check, an `// irqdsl-ignore-next-line(<id>)` whose next line has none, or one that names no check: a stale suppression would silently hide the next real finding there. Not reported for a check that is off or does not run here (the simulation's checks under `irqdsl check`).")
			.kind(CheckKind.CONFIG);
	public static final CheckInfo INTERNAL_ERROR = CheckInfo.error("internal-error", "A check failed", "irqdsl itself",
			"A check threw an exception on this object (a bug in irqdsl, please report it with the file): its findings here are missing. `irqdsl check` exits with status 3.")
			.kind(CheckKind.FILE);

	public static final List<PlatformCheck> PLATFORM_CHECKS = List.of(new NonMaskableMsiWithoutRemap(), new AsyncMsiWrite(),
			new UnmaskableWithoutParentMask(), new RequiredNotSupported(), new BusTokenNotSelected(),
			new BusSelectTokenMismatch(), new MissingMsiParentOps(), new NoMsiParent(), new FlagMaskedByParent(),
			new RetriggerTakesHeldLock(), new VmdUselessDomain(), new VmdUnbalancedMapping(),
			new VmdFreeWithoutGracePeriod(), new DomainCycle(), new DuplicateAddress(), new VectorRange(),
			new VectorExhaustion(), new MsiCount(), new CpuRangeCheck(), new UnknownKernelName(), new DuplicateDeviceName(), new ProcedureReference());

	public static final List<ScenarioCheck> SCENARIO_CHECKS = List.of(new ScenarioReferences(), new ScenarioNotSimulable());

	/**
	 * Checks that simulate (CheckType.NORMAL: editors and the language server run them, {@code irqdsl
	 * check} does not).
	 */
	public static final List<ScenarioCheck> SIMULATION_CHECKS = List.of(new ScenarioExpectation());

	/** Every id a diagnostic can carry, in catalog order. */
	public static final List<CheckInfo> ALL = Stream.of(
			PLATFORM_CHECKS.stream().map(PlatformCheck::info).filter(c -> c != DUPLICATE_NAME),
			Stream.of(DuplicateAddress.BAD_ADDRESS),
			SCENARIO_CHECKS.stream().map(ScenarioCheck::info),
			SIMULATION_CHECKS.stream().map(ScenarioCheck::info),
			Stream.of(SYNTAX, UNRESOLVED_REFERENCE, DUPLICATE_NAME, EMPTY_FILE, UNREADABLE, INTERNAL_ERROR),
			Stream.of(CHECK_CONFIG, UNUSED_SUPPRESSION)).flatMap(s -> s).toList();

	/**
	 * The hazard checks: each describes a race a scenario can replay (seeds 000-004). Their errors do
	 * not stop {@code irqdsl simulate} / {@code generate} - the simulator shows the race; every other
	 * error (syntax, unknown names, a malformed platform or scenario) does.
	 */
	public static final List<CheckInfo> HAZARDS = List.of(NonMaskableMsiWithoutRemap.INFO, AsyncMsiWrite.INFO,
			UnmaskableWithoutParentMask.INFO, RetriggerTakesHeldLock.INFO, VmdUselessDomain.INFO, VmdUnbalancedMapping.INFO,
			VmdFreeWithoutGracePeriod.INFO);

	public static boolean isHazard(String id) {
		return HAZARDS.stream().anyMatch(c -> c.id().equals(id));
	}

	private IrqDslChecks() {
	}

	public static Optional<CheckInfo> byId(String id) {
		return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
	}

	/** The check with this id, when it offers quick fixes. */
	public static Optional<FixableCheck> fixable(String id) {
		return Stream.concat(PLATFORM_CHECKS.stream().filter(c -> c.info().id().equals(id)),
				SCENARIO_CHECKS.stream().filter(c -> c.info().id().equals(id)))
				.filter(FixableCheck.class::isInstance).map(FixableCheck.class::cast).findFirst();
	}

	/**
	 * The id a diagnostic carries everywhere (command line, LSP code, markers): the check's, or one
	 * of the built-in ids for what Xtext itself reports (syntax errors, unresolved references).
	 */
	public static String idOf(org.eclipse.xtext.validation.Issue issue) {
		String code = issue.getCode();
		if (issue.isSyntaxError() || org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC.equals(code)) {
			return SYNTAX.id();
		}
		if (org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC.equals(code)) {
			return UNRESOLVED_REFERENCE.id();
		}
		if (code != null && byId(code).isPresent()) {
			return code;
		}
		return SYNTAX.id();
	}

	/** Severity names as the command line and docs print them. */
	public static String label(Severity severity) {
		return switch (severity) {
		case ERROR -> "error";
		case WARNING -> "warning";
		case INFO -> "info";
		case IGNORE -> "ignored";
		};
	}
}
