package org.irqdsl.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.impl.TokenRegionProvider;
import org.eclipse.xtext.util.ReplaceRegion;
import org.irqdsl.IrqDslInjector;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/**
 * Lexing from a token boundary shortly before an edit widens the edit to the same tokens as
 * Xtext's lexing from the start of the text, for random insertions, deletions and replacements
 * (comment and string openers and closers among them) at random places of every example.
 */
class IrqDslTokenRegionProviderTest {

	private static final String[] INSERTED = { "", " ", "x", "0x", "1", "/*", "*/", "//", "\"", "\n", "maskable", "{", "}", ".", "a b" };

	@Test
	void widensEditsToTheTokensXtextFinds() throws IOException {
		Injector injector = IrqDslInjector.get();
		TokenRegionProvider xtext = new TokenRegionProvider();
		injector.injectMembers(xtext);
		IrqDslTokenRegionProvider ours = injector.getInstance(IrqDslTokenRegionProvider.class);
		IParser parser = injector.getInstance(IParser.class);
		Random random = new Random(20261203L);
		List<String> differences = new ArrayList<>();
		int compared = 0;
		for (String text : examples()) {
			ICompositeNode root = parser.parse(new StringReader(text)).getRootNode();
			for (int i = 0; i < 200; i++) {
				int offset = random.nextInt(text.length() + 1);
				int length = Math.min(random.nextInt(4), text.length() - offset);
				String inserted = INSERTED[random.nextInt(INSERTED.length)];
				String changed = text.substring(0, offset) + inserted + text.substring(offset + length);
				ReplaceRegion edit = new ReplaceRegion(offset, length, inserted);
				ReplaceRegion want = xtext.getTokenReplaceRegion(changed, edit);
				ReplaceRegion got = IrqDslTokenRegionProvider.withPreviousParse(root, () -> ours.getTokenReplaceRegion(changed, edit));
				compared++;
				if (!got.toString().equals(want.toString())) {
					differences.add(edit + ": " + got + " instead of " + want);
				}
			}
		}
		assertThat(differences).as("of %d edits", compared).isEmpty();
	}

	private static List<String> examples() throws IOException {
		List<String> texts = new ArrayList<>();
		for (Path file : org.irqdsl.resource.ExampleFiles.all()) {
			texts.add(Files.readString(file));
		}
		assertThat(texts).hasSizeGreaterThan(5);
		return texts;
	}
}
