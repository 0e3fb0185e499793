// Draws images/icon.png (128x128): an interrupt line (a pulse, with an arrow at the edge) on a
// rounded dark-blue square. No dependencies: 4x4 supersampling, zlib, a hand-written PNG.
// Run: node images/make-icon.js
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const N = 128, S = 4;
const bg = [0x1e, 0x3a, 0x5f], fg = [0xff, 0xc1, 0x07], dim = [0x8f, 0xb8, 0xde];

function inRoundedSquare(x, y) {
	const r = 22, m = 4; // corner radius, margin
	const cx = Math.min(Math.max(x, m + r), N - m - r), cy = Math.min(Math.max(y, m + r), N - m - r);
	return x >= m && x <= N - m && y >= m && y <= N - m && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function distToSegment(px, py, [ax, ay], [bx, by]) {
	const dx = bx - ax, dy = by - ay;
	const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
// The pulse: low, rising edge, high, falling edge, low.
const pulse = [[16, 92], [44, 92], [44, 36], [84, 36], [84, 92], [112, 92]];
// An arrow on the rising edge, pointing up (the interrupt is raised).
const arrow = [[[34, 60], [44, 46]], [[54, 60], [44, 46]]];
// A baseline tick row under the pulse (the vector space).
const ticks = [20, 36, 52, 68, 84, 100].map((x) => [[x, 104], [x + 8, 104]]);

function colourAt(x, y) {
	if (!inRoundedSquare(x, y)) return null;
	for (let i = 0; i + 1 < pulse.length; i++) if (distToSegment(x, y, pulse[i], pulse[i + 1]) <= 5) return fg;
	for (const [a, b] of arrow) if (distToSegment(x, y, a, b) <= 4) return fg;
	for (const [a, b] of ticks) if (distToSegment(x, y, a, b) <= 2) return dim;
	return bg;
}

const raw = Buffer.alloc(N * (1 + 4 * N));
for (let y = 0; y < N; y++) {
	raw[y * (1 + 4 * N)] = 0; // filter: none
	for (let x = 0; x < N; x++) {
		let r = 0, g = 0, b = 0, a = 0;
		for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
			const c = colourAt(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
			if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
		}
		const o = y * (1 + 4 * N) + 1 + 4 * x;
		raw[o] = a ? Math.round(r / a) : 0; raw[o + 1] = a ? Math.round(g / a) : 0;
		raw[o + 2] = a ? Math.round(b / a) : 0; raw[o + 3] = Math.round((255 * a) / (S * S));
	}
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(buf) {
	let c = 0xffffffff;
	for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
	return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const png = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(path.join(__dirname, 'icon.png'), png);
console.log(`wrote ${path.join(__dirname, 'icon.png')} (${png.length} bytes)`);
