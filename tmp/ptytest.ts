import { SerialPort } from 'serialport';
import xterm from '@xterm/headless';
const term = new xterm.Terminal({ cols: 80, rows: 24, allowProposedApi: true });
const port = new SerialPort({ path: '/tmp/qsa-test-pty', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 2 });
let bytes = 0;
port.on('data', (d: Buffer) => { bytes += d.length; term.write(d); });
await new Promise((r) => port.on('open', r));
const show = async (label: string) => { await new Promise((r) => term.write('', r)); const b = term.buffer.active; console.log(`-- ${label} (${bytes} bytes) cursor ${b.cursorY + 1}:${b.cursorX + 1}`); for (let y = 0; y < 9; y++) console.log('|' + b.getLine(y)!.translateToString(true) + '|'); };
await new Promise((r) => setTimeout(r, 1500));
port.write('\r'); await new Promise((r) => setTimeout(r, 600)); await show('after ENTER');
for (const k of ['\r', '\x1b[B', '\x1b[B']) { port.write(k); await new Promise((r) => setTimeout(r, 300)); }
await show('after ENTER DOWN DOWN');
port.close();
