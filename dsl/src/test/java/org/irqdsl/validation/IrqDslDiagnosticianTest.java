package org.irqdsl.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.line;
import static org.irqdsl.validation.checks.Fixtures.pciBus;
import static org.irqdsl.validation.checks.Fixtures.platform;
import static org.irqdsl.validation.checks.Fixtures.vmdDevice;
import static org.irqdsl.validation.checks.Fixtures.vmdMsi;
import static org.irqdsl.validation.checks.Fixtures.x86Vector;

import java.util.List;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.CompositeEValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.MsiCapability;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validation descends only where a check can apply ({@link IrqDslDiagnostician}, {@link CheckedTypes}),
 * and what is checked is read from the registered validators: a check added on a class deep in the
 * tree runs there, without a list to update.
 */
class IrqDslDiagnosticianTest {

	private static final IrqDslPackage PACKAGE = IrqDslPackage.eINSTANCE;

	private static final String TEXT = platform(x86Vector(), vmdMsi(),
			pciBus("vector", "device nvme0 at \"0000:01:00.0\" { msi count 1 }",
					vmdDevice("", "vmd_msi", "device nvme1 at \"10000:01:00.0\" { msi count 1 }")));

	/** A check on devices and one on MSI capabilities, as a language might add them. */
	static final class DeepChecks extends AbstractDeclarativeValidator {
		@Check
		public void device(Device device) {
			warning("device " + device.getName() + " visited", device, IrqDslPackage.Literals.DEVICE__NAME, "test-device");
		}

		@Check
		public void msi(MsiCapability msi) {
			warning("msi of " + ((Device) msi.eContainer()).getName() + " visited", msi, null, "test-msi");
		}

		@Override
		protected List<EPackage> getEPackages() {
			return List.of(PACKAGE);
		}
	}

	@BeforeAll
	static void registerTheLanguagesValidators() {
		Diagnostics.issues("test.irqdsl", TEXT); // creates the language's injector, which registers them
	}

	@Test
	void aCheckOnObjectsDeepInTheTreeRunsAtEachOfThem() {
		DeepChecks deep = new DeepChecks();
		CompositeEValidator composite = (CompositeEValidator) EValidator.Registry.INSTANCE.getEValidator(PACKAGE);
		List<Issue> issues;
		composite.addValidator(deep);
		try {
			issues = Diagnostics.issues(CheckMode.ALL, "test.irqdsl", TEXT);
		} finally {
			composite.getContents().removeIf(s -> s.getDelegate() == deep);
		}
		assertThat(issues).filteredOn(i -> i.getCode().startsWith("test-"))
				.extracting(i -> i.getLineNumber() + ": " + i.getMessage())
				.containsExactly(
						line(TEXT, "nvme0") + ": device nvme0 visited",
						line(TEXT, "nvme0") + ": msi of nvme0 visited",
						line(TEXT, "vmd0") + ": device vmd0 visited",
						line(TEXT, "nvme1") + ": device nvme1 visited",
						line(TEXT, "nvme1") + ": msi of nvme1 visited");
		// and once it is gone, nothing visits the devices for it any more
		assertThat(Diagnostics.issues(CheckMode.ALL, "test.irqdsl", TEXT)).noneMatch(i -> i.getCode().startsWith("test-"));
	}

	@Test
	void theLanguagesChecksAreOnItsPlatformsAndScenariosSoTheirContentsAreNotVisited() {
		CheckedTypes types = CheckedTypes.of(PACKAGE, EValidator.Registry.INSTANCE);
		assertThat(types.visits(PACKAGE.getModel())).isTrue();
		assertThat(types.visits(PACKAGE.getPlatform())).isTrue();
		assertThat(types.visits(PACKAGE.getScenario())).isTrue();
		assertThat(types.descends(PACKAGE.getModel())).isTrue();
		assertThat(types.visits(PACKAGE.getDevice())).isFalse();
		assertThat(types.visits(PACKAGE.getBus())).isFalse();
		assertThat(types.descends(PACKAGE.getPlatform())).isFalse();
	}

	@Test
	void aCheckOnADeepClassMakesEveryClassThatCanContainItVisited() {
		DeepChecks deep = new DeepChecks();
		CompositeEValidator composite = (CompositeEValidator) EValidator.Registry.INSTANCE.getEValidator(PACKAGE);
		composite.addValidator(deep);
		try {
			CheckedTypes types = CheckedTypes.of(PACKAGE, EValidator.Registry.INSTANCE);
			assertThat(types.visits(PACKAGE.getMsiCapability())).isTrue();
			assertThat(types.visits(PACKAGE.getBus())).isTrue();
			assertThat(types.visits(PACKAGE.getVmd())).as("a VMD holds buses of devices").isTrue();
			assertThat(types.descends(PACKAGE.getPlatform())).isTrue();
			assertThat(types.visits(PACKAGE.getDomain())).as("a domain holds no device").isFalse();
		} finally {
			composite.getContents().removeIf(s -> s.getDelegate() == deep);
		}
	}
}
