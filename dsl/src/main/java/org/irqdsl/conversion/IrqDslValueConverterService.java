package org.irqdsl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;

/** Converts vectors and other numbers written in hex ({@code 0x30}) or decimal. */
public class IrqDslValueConverterService extends DefaultTerminalConverters {

	private final IValueConverter<Integer> number = new IValueConverter<>() {
		@Override
		public Integer toValue(String string, INode node) {
			if (string == null || string.isBlank()) {
				throw new ValueConverterException("expected a number (decimal or 0x hex)", node, null);
			}
			String text = string.trim();
			try {
				if (text.startsWith("0x") || text.startsWith("0X")) {
					return Integer.parseUnsignedInt(text.substring(2), 16);
				}
				return Integer.parseInt(text);
			} catch (NumberFormatException e) {
				throw new ValueConverterException("number '" + text + "' is out of range (at most 0x7fffffff)",
						node, null);
			}
		}

		@Override
		public String toString(Integer value) {
			return value == null ? null : "0x" + Integer.toHexString(value);
		}
	};

	@ValueConverter(rule = "HEX")
	public IValueConverter<Integer> HEX() {
		return number;
	}

	@ValueConverter(rule = "Number")
	public IValueConverter<Integer> Number() {
		return number;
	}
}
