package org.irqdsl.runtime.sim.config;

/**
 * One step of a {@link ProcedurePath}. {@code lock} names the lock of a lock or unlock step
 * ({@code vector_lock}, or any lock a procedure names), and is null otherwise.
 */
public record ProcedureStep(Action action, String lock) {

	public static ProcedureStep of(Action action) {
		return new ProcedureStep(action, null);
	}

	public static ProcedureStep lock(String name) {
		return new ProcedureStep(Action.LOCK, name);
	}

	public static ProcedureStep unlock(String name) {
		return new ProcedureStep(Action.UNLOCK, name);
	}

	@Override
	public String toString() {
		return lock == null ? action.jsonName() : action.jsonName() + " " + lock;
	}

	/** What a step does; the language spells each as its JSON name. */
	public enum Action implements JsonName {
		LOCK("lock"),
		UNLOCK("unlock"),
		/** Mask the entry at the device (pci_msi_mask_irq(): the MSI mask bit or the MSI-X vector control). */
		MASK_DEVICE("mask device"),
		UNMASK_DEVICE("unmask device"),
		/** Mask at the parent irqchip (irq_chip_mask_parent(): MSI_FLAG_PCI_MSI_MASK_PARENT). */
		MASK_PARENT("mask parent"),
		UNMASK_PARENT("unmask parent"),
		/** One 32-bit word of the message: address_lo selects the CPU. */
		WRITE_ADDRESS_LO("write address_lo"),
		/** address_hi: the upper address bits (x2APIC extended destination ID); no CPU here needs them. */
		WRITE_ADDRESS_HI("write address_hi"),
		/** One 32-bit word of the message: data selects the vector. */
		WRITE_DATA("write data"),
		/** The whole message (new cpu, new vector), by the bus's message write (msi-write). */
		WRITE_MESSAGE("write message"),
		/** The temporary message (old cpu, new vector) of x86 msi_set_affinity(). */
		WRITE_TEMP_MESSAGE("write temp-message"),
		/** lapic_vector_set_in_irr(): is the new vector pending on this CPU? */
		CHECK_IRR("check-irr"),
		/** irq_retrigger() when the IRR check hit (apic_retrigger_irq() takes vector_lock). */
		RETRIGGER_IF_PENDING("retrigger-if-pending"),
		/** modify_irte(): the interrupt remapping table entry, atomically. */
		UPDATE_IRTE("update-irte"),
		/** GIC ITS MOVI: the LPI's collection changes, its pending state moves with it. */
		ITS_MOVI("its-movi"),
		/** A GIC SPI's route changes in the distributor (GICv2m: irq_chip_set_affinity_parent()). */
		SPI_ROUTE("spi-route"),
		/** The message write is queued to a work queue and lands later (seed 000's rejected draft). */
		QUEUE_WORK("queue-work"),
		/** The message write is queued as a firmware command and lands later. */
		QUEUE_FIRMWARE_COMMAND("queue-firmware-command"),
		/** The message is written by a firmware command issued and waited for under the bus lock. */
		FIRMWARE_WRITE("firmware-write");

		private final String jsonName;

		Action(String jsonName) {
			this.jsonName = jsonName;
		}

		@Override
		public String jsonName() {
			return jsonName;
		}

		/** Whether the step changes what the device will send. */
		public boolean writesMessage() {
			return switch (this) {
			case WRITE_ADDRESS_LO, WRITE_ADDRESS_HI, WRITE_DATA, WRITE_MESSAGE, WRITE_TEMP_MESSAGE, QUEUE_WORK,
					QUEUE_FIRMWARE_COMMAND, FIRMWARE_WRITE -> true;
			default -> false;
			};
		}
	}
}
