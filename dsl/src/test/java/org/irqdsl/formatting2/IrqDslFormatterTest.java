package org.irqdsl.formatting2;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.irqdsl.irqDsl.Model;
import org.irqdsl.tests.IrqDslInjectorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(IrqDslInjectorProvider.class)
class IrqDslFormatterTest {

	@Inject
	private IrqDslFormatting formatting;

	@Inject
	private ParseHelper<Model> parser;

	private void assertFormatted(String input, String expected) {
		try {
			Model model = parser.parse(input);
			String once = formatting.format((XtextResource) model.eResource());
			assertThat(once).isEqualTo(expected);
			assertThat(formatting.format((XtextResource) parser.parse(once).eResource())).as("idempotent").isEqualTo(once);
		} catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void indentsBlocksAndPutsOneClausePerLine() {
		assertFormatted("""
				platform p {   cpus 4
				domain vector : VECTOR { vectors 0x20 .. 0xff
				msi-parent-ops { supported MSI_GENERIC_FLAGS_MASK ,MSI_FLAG_PCI_MSIX
				  bus-token DOMAIN_BUS_ANY }
				affinity-update two-step }
				bus pci pcie0 msi-parent vector {
				device nic   at "00:02.0" { msi count 1 }   // no mask bit
				device nvme0 at "00:03.0" {   msi-x count 32 }
				} }
				scenario s on p { initially nic . msi [ 0 ] on cpu 1 vector 0x30
				concurrently {
				cpu 1 { set-affinity nic.msi[0] cpu 2 vector 0x31 }
				device nic { raise msi[0] }
				}
				expect no lost-interrupt }
				""", """
				platform p {
					cpus 4
					domain vector : VECTOR {
						vectors 0x20..0xff
						msi-parent-ops {
							supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX
							bus-token DOMAIN_BUS_ANY
						}
						affinity-update two-step
					}
					bus pci pcie0 msi-parent vector {
						device nic at "00:02.0" { msi count 1 } // no mask bit
						device nvme0 at "00:03.0" { msi-x count 32 }
					}
				}

				scenario s on p {
					initially nic.msi[0] on cpu 1 vector 0x30
					concurrently {
						cpu 1 { set-affinity nic.msi[0] cpu 2 vector 0x31 }
						device nic { raise msi[0] }
					}
					expect no lost-interrupt
				}
				""");
	}
}
