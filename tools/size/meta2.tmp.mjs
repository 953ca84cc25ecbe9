import { build } from 'esbuild';
const src = process.argv[2];
const r = await build({ stdin: { contents: src, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, splitting: true, outdir: 'out', entryNames: 'entry', minify: true, format: 'esm', platform: 'neutral', mainFields: ['module','main'], target: 'es2022', write: false, metafile: true, logLevel: 'silent' });
for (const [o, v] of Object.entries(r.metafile.outputs)) { console.log('==', o, v.bytes, (v.imports||[]).map(i=>i.kind+':'+i.path).join(' ')); for (const [f, x] of Object.entries(v.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,8)) console.log('   ', x.bytesInOutput, f.replace(/.*node_modules\//,'')); }
