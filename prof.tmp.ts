import { readdirSync, readFileSync } from 'node:fs';
import { IncrementalAnalyzer, defaultLexicon } from './src/core/analysis';
const seeds = readdirSync('/work/main/seeds').filter(f=>f.endsWith('.txt')).sort().map(f=>readFileSync('/work/main/seeds/'+f,'utf8'));
const parts: string[] = []; let len=0; for (let i=0; len < 1<<20; i++){ parts.push(seeds[i%5]); len+=seeds[i%5].length+2;}
const text = parts.join('\n\n').slice(0, 1<<20);
const lex = defaultLexicon();
const inc = new IncrementalAnalyzer({lexicon: lex}); inc.analyze(text);
let t=performance.now(); for (let i=0;i<300;i++) inc.analyze(text); console.log('noop reanalyze', (performance.now()-t)/300);
