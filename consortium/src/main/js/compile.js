// Compiles every .sol file of a directory with solc-js (standard JSON, optimizer 200 runs, EVM london) and
// writes <Contract>.abi and <Contract>.bin for each deployable contract.
// Usage: node compile.js <solidity-dir> <output-dir>   (run from the repository root by Maven)
'use strict';
const fs = require('fs');
const path = require('path');

function fail(message) {
  console.error('compile.js: ' + message);
  process.exit(1);
}

const [sourceDir, outDir] = process.argv.slice(2);
if (!sourceDir || !outDir) fail('usage: node compile.js <solidity-dir> <output-dir>');

let solc;
try {
  solc = require(require.resolve('solc', { paths: [process.cwd(), __dirname] }));
} catch (e) {
  fail('solc-js not found in node_modules: run `npm ci` in the repository root (' + e.message + ')');
}

const sources = {};
for (const name of fs.readdirSync(sourceDir).filter(f => f.endsWith('.sol')).sort()) {
  sources[name] = { content: fs.readFileSync(path.join(sourceDir, name), 'utf8') };
}
if (Object.keys(sources).length === 0) fail('no .sol files in ' + sourceDir);

const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'london',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const problems = output.errors || [];
for (const p of problems.filter(p => p.severity !== 'error')) console.warn(p.formattedMessage);
const errors = problems.filter(p => p.severity === 'error');
if (errors.length > 0) fail('solc ' + solc.version() + ' reported errors:\n' + errors.map(e => e.formattedMessage).join('\n'));

fs.mkdirSync(outDir, { recursive: true });
let written = 0;
for (const file of Object.keys(output.contracts || {}).sort()) {
  for (const [name, contract] of Object.entries(output.contracts[file])) {
    if (!contract.evm.bytecode.object) continue; // abstract contracts and interfaces
    fs.writeFileSync(path.join(outDir, name + '.abi'), JSON.stringify(contract.abi));
    fs.writeFileSync(path.join(outDir, name + '.bin'), contract.evm.bytecode.object);
    written++;
  }
}
console.log('compile.js: solc ' + solc.version() + ' (evm london) wrote ' + written + ' contracts to ' + outDir);
