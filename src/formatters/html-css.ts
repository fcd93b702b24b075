// The HTML report's style sheet. Every text colour has a contrast of at least 4.5:1 on the
// backgrounds it is used on (WCAG AA; checked by axe-core in test/browser). Below 600 px tables
// become stacked cards, so a phone shows whole lines instead of one character per line.
export const REPORT_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{font-family:"Hiragino Sans","Yu Gothic","Meiryo","Noto Sans CJK JP","IPAexGothic",sans-serif;margin:0 auto;max-width:80rem;padding:1rem 2rem;color:#1a1a1a;background:#fff;line-height:1.6}
a{color:#0645ad}a:visited{color:#5a2d91}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.3rem .6rem;z-index:1}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#eef0f2}.nw{white-space:nowrap}q.evidence{color:#333;font-size:.9em}.num{text-align:right}code{white-space:nowrap}
.sev-error{color:#a1001c;font-weight:bold}.sev-warning{color:#6b4a00;font-weight:bold}.sev-info{color:#0a4f96}
.st-present{background:#e6f4ea}.st-partial{background:#fff4ce}.st-absent{background:#fde7e9}.st-na{background:#f2f2f2;color:#4a4a4a}
.snip{margin:.3rem 0 0;font-size:.95em}.snip mark{background:#ffe066;color:#000;padding:0 .1em}
.tpl{margin:.3rem 0 0}.tpl summary{cursor:pointer;color:#4a4a4a;font-size:.9em}
.tpl pre{white-space:pre-wrap;font-family:inherit;margin:.2rem 0 0;padding:.4rem .6rem;background:#f7f7f7;border-left:3px solid #888;user-select:all}
.scroll{overflow-x:auto;max-width:100%}
.matrix th,.matrix td{font-size:.9em;white-space:nowrap}.matrix td a{color:inherit}
.draft{border:1px solid #bbb;padding:1rem 2rem;max-height:60rem;overflow:auto}.draft img{max-width:100%;height:auto}
.draft h1{font-size:1.5em}.draft h2{font-size:1.3em}.draft h3,.draft h4{font-size:1.1em}
.draft :is(p,li,h1,h2,h3,h4,td):has(.cl-flag){background:#fff4c2;outline:2px solid #b38600}
.draft :is(p,li,h1,h2,h3,h4,td):has(.cl-flag:target),.draft li:target{background:#dbeafe;outline:3px solid #1d4ed8;box-shadow:0 0 0 6px #bfdbfe}
.cl-flag{font-size:.75rem;font-weight:normal;color:#fff;background:#a1001c;border-radius:3px;padding:0 .3em;margin-right:.3em}
.cl-flag:target{background:#1d4ed8}.cl-flag:target::after{content:" ◀"}
.cl-back{font-size:.75rem;font-weight:normal;margin-right:.4em}:target{scroll-margin-top:2rem}
tr:target{outline:3px solid #1d4ed8;background:#dbeafe}
.unreadable{color:#a1001c}small{color:#555}
@media (max-width:600px){
body{padding:.5rem}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:auto}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.stack tr{border:1px solid #bbb;margin:0 0 .6rem;padding:.3rem .5rem}
table.stack td{border:0;padding:.15rem 0}
table.stack td[data-label]::before{content:attr(data-label) "：";font-weight:bold;color:#1a1a1a}
.nw,code{white-space:normal;overflow-wrap:anywhere}
.draft{padding:.5rem;max-height:40rem}.draft table{display:block;overflow-x:auto}
}
@media print{body{margin:0;padding:0;max-width:none;font-size:10pt}.draft{max-height:none;overflow:visible;border:0;padding:0}
a{color:inherit;text-decoration:none}tr,pre{break-inside:avoid}.file+.file{break-before:page}.tpl summary,.skip{display:none}
.scroll{overflow:visible}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}`;
