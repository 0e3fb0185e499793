// The irqdsl VS Code extension: starts `java -jar <extension>/server/irqdsl.jar lsp` (the Xtext
// language server, LSP over stdio) for .irqdsl files.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

/** The java executable: irqdsl.java.home, else JAVA_HOME, else java on the PATH. */
function javaExecutable(): string {
	const exe = process.platform === 'win32' ? 'java.exe' : 'java';
	const configured = vscode.workspace.getConfiguration('irqdsl').get<string>('java.home', '').trim();
	const home = configured || process.env.JAVA_HOME || '';
	if (home) {
		const candidate = path.join(home, 'bin', exe);
		if (fs.existsSync(candidate)) {
			return candidate;
		}
		if (configured) {
			void vscode.window.showWarningMessage(`irqdsl: ${candidate} does not exist (setting irqdsl.java.home); using "${exe}" from the PATH.`);
		}
	}
	return exe;
}

function serverOptions(context: vscode.ExtensionContext): ServerOptions {
	const jar = context.asAbsolutePath(path.join('server', 'irqdsl.jar'));
	const vmArgs = vscode.workspace.getConfiguration('irqdsl').get<string[]>('server.args', []);
	// No `transport`: stdio is the default, and TransportKind.stdio would append `--stdio`, which
	// `irqdsl lsp` rejects ("Unknown option: '--stdio'", exit status 2).
	const executable = {
		command: javaExecutable(),
		args: [...vmArgs, '-jar', jar, 'lsp'],
	};
	return { run: executable, debug: executable };
}

function clientOptions(): LanguageClientOptions {
	return {
		documentSelector: [{ scheme: 'file', language: 'irqdsl' }],
		synchronize: {
			// Platforms are visible across the .irqdsl files of a folder: tell the server about changes on disk.
			fileEvents: vscode.workspace.createFileSystemWatcher('**/*.irqdsl'),
		},
		outputChannel: output,
	};
}

async function start(context: vscode.ExtensionContext): Promise<void> {
	// The client id 'irqdsl' makes vscode-languageclient read the setting irqdsl.trace.server.
	client = new LanguageClient('irqdsl', 'irqdsl language server', serverOptions(context), clientOptions());
	try {
		await client.start();
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		void vscode.window.showErrorMessage(
			`irqdsl: the language server did not start (${message}). It needs Java 17 or newer: set irqdsl.java.home.`);
	}
}

async function stop(): Promise<void> {
	const running = client;
	client = undefined;
	if (running) {
		await running.stop();
	}
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	output = vscode.window.createOutputChannel('irqdsl language server', { log: true });
	context.subscriptions.push(output);
	context.subscriptions.push(vscode.commands.registerCommand('irqdsl.restartServer', async () => {
		await stop();
		await start(context);
	}));
	context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
		if (event.affectsConfiguration('irqdsl.java.home') || event.affectsConfiguration('irqdsl.server.args')) {
			await stop();
			await start(context);
		}
	}));
	await start(context);
}

export function deactivate(): Thenable<void> | undefined {
	return stop();
}
