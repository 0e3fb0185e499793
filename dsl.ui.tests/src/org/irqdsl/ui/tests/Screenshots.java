package org.irqdsl.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

/** Screenshots of the whole (virtual) screen into {@code irqdsl.screenshots}, when that property is set. */
final class Screenshots {

	private Screenshots() {
	}

	static void take(String name) throws Exception {
		String dir = System.getProperty("irqdsl.screenshots");
		if (dir == null || dir.isBlank()) {
			return;
		}
		Display display = Display.getCurrent();
		for (int i = 0; i < 60; i++) { // let the views settle (the Problems view updates on a delay)
			while (display.readAndDispatch()) {
				// paint everything first
			}
			Thread.sleep(25);
		}
		Rectangle bounds = display.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, 0, 0);
		} finally {
			gc.dispose();
		}
		Files.createDirectories(Path.of(dir));
		ImageLoader loader = new ImageLoader();
		loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
		loader.save(Path.of(dir, name + ".png").toString(), SWT.IMAGE_PNG);
		image.dispose();
	}
}
