// The HTML report's stylesheet: right to left, the draft beside its sources on screen, one after the other on paper.
// Every state has its own symbol and underline style as well as its colour, so a black-and-white print still tells
// them apart.
export const REPORT_CSS = `
:root { --agrees: #1a7f37; --uncited: #0969da; --conflicts: #cf222e; --disputed: #9a6700; --outdated: #8250df; --none: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.9 "Noto Naskh Arabic", "Amiri", "DejaVu Sans", "Arial", sans-serif; color: #1f2328; background: #fff; }
header, main, footer { padding: 1rem 2rem; }
header { border-bottom: 1px solid #d0d7de; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 0 0 .6rem; }
h3 { font-size: 1rem; margin: 0; }
.summary { font-size: 1.1rem; font-weight: bold; margin: .2rem 0; }
.made, .place, .credit { color: #57606a; font-size: .85rem; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: 0; margin: .4rem 0 0; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 2rem; align-items: start; }
.draft p { margin: 0 0 .8rem; }
.draft a { color: inherit; text-decoration: none; }
mark { background: none; color: inherit; padding: 0 .1rem; border-bottom: 3px solid; }
mark sup { font-size: .7rem; font-weight: bold; margin-inline-start: .15rem; }
.sym { display: inline-block; min-width: 1.1em; text-align: center; font-weight: bold; }
.st-agrees { border-color: var(--agrees); border-bottom-style: solid; } .st-agrees .sym, li.st-agrees > h3 .sym { color: var(--agrees); }
.st-uncited { border-color: var(--uncited); border-bottom-style: dotted; } .st-uncited .sym, li.st-uncited > h3 .sym { color: var(--uncited); }
.st-conflicts { border-color: var(--conflicts); border-bottom-style: double; } .st-conflicts .sym, li.st-conflicts > h3 .sym { color: var(--conflicts); }
.st-disputed { border-color: var(--disputed); border-bottom-style: dashed; } .st-disputed .sym, li.st-disputed > h3 .sym { color: var(--disputed); }
.st-outdated { border-color: var(--outdated); border-bottom-style: dashed; } .st-outdated .sym, li.st-outdated > h3 .sym { color: var(--outdated); }
.st-none { border-color: var(--none); border-bottom-style: dotted; } .st-none .sym, li.st-none > h3 .sym { color: var(--none); }
.facts { margin: 0; padding: 0; list-style: none; }
.facts > li { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .8rem; margin-bottom: .8rem; break-inside: avoid; }
.facts > li:target { outline: 2px solid #0969da; }
.label { color: #57606a; font-weight: normal; }
.origin { font-weight: bold; }
.contra { color: var(--conflicts); margin: .2rem 0; }
.passages { list-style: none; padding: 0; margin: .4rem 0 0; }
.passages li { border-top: 1px solid #eaeef2; padding: .3rem 0; }
.passages .agrees .sym { color: var(--agrees); } .passages .conflicts .sym { color: var(--conflicts); }
.similar { opacity: .75; }
blockquote { margin: .2rem 0; padding-inline-start: .6rem; border-inline-start: 3px solid #d0d7de; }
blockquote strong { background: #fff8c5; }
.place { direction: ltr; unicode-bidi: isolate; display: inline-block; }
footer { border-top: 1px solid #d0d7de; color: #57606a; font-size: .8rem; }
@media print {
  @page { margin: 1.5cm; }
  body { font-size: 11pt; }
  main { display: block; }
  .draft { margin-bottom: 1rem; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
