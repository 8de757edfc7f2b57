"""Hostile things people might type into a post, and a checker for the HTML that comes out."""

import re
from html.parser import HTMLParser

from community.markdown import ALLOWED_TAGS

EVENT_HANDLERS = [
    "onload", "onerror", "onclick", "ondblclick", "onmouseover", "onmouseout", "onmousedown",
    "onmouseup", "onmousemove", "onmouseenter", "onmouseleave", "onkeydown", "onkeyup",
    "onkeypress", "onfocus", "onblur", "onchange", "oninput", "onsubmit", "onreset", "onselect",
    "onscroll", "onresize", "onabort", "onanimationstart", "ontransitionend", "onpointerdown",
    "onpointerover", "ontouchstart", "oncontextmenu", "ondrag", "ondrop", "oncopy", "onpaste",
    "onwheel", "ontoggle", "onbeforeunload", "onhashchange", "onmessage", "onpageshow",
    "onunload", "onauxclick", "onformdata", "onbegin", "onstart",
]  # fmt: skip

TRICKS = [
    # script, in every dress
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://evil.example/xss.js></SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<scr<script>ipt>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    '<img """><script>alert(1)</script>">',
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    # elements that run, frame, restyle or redirect
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>">',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<applet code="javascript:alert(1)">',
    "<style>body { display: none }</style>",
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<form action="javascript:alert(1)"><input type="submit"></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    "<isindex action=javascript:alert(1) type=image>",
    "<frameset onload=alert(1)>",
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<div style="position:fixed;top:0;left:0;width:100%;height:100%">cover</div>',
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<video><source onerror=alert(1)></video>",
    "<details open ontoggle=alert(1)>",
    "<xss onpointerover=alert(1)>hover</xss>",
    # links in HTML form
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;vascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "<a href=javascript&colon;alert(1)>x</a>",
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    '<a href="javascript:alert(1)"',
    '<img src="x',
    # links and images in Markdown form
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click]( javascript:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click](vbscript:msgbox(1))",
    "[click](VBScript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;avascript:alert(1))",
    "[click](javascript&colon;alert(1))",
    "[click](java%0ascript:alert(1))",
    "[click](file:///etc/passwd)",
    '[click](https://example.org "title\\" onmouseover=\\"alert(1)")',
    '[click](https://example.org" onmouseover="alert(1))',
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "[click][ref]\n\n[ref]: data:text/html,<script>alert(1)</script>",
    "![image](javascript:alert(1))",
    "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '![image](x" onerror="alert(1))',
    "[![image](https://example.org/x.png)](javascript:alert(1))",
    "[a](https://example.org)<script>alert(1)</script>",
    "**bold <script>alert(1)</script>**",
    "> quote <iframe src=https://evil.example>",
    "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
    # autolinks
    "<javascript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    '<https://example.org" onmouseover="alert(1)>',
    "<mailto:someone@example.org?body=<script>>",
    "https://example.org/<script>alert(1)</script>",
]  # fmt: skip

PAYLOADS = TRICKS + [f"<p {name}=alert(1)>x</p>" for name in EVENT_HANDLERS]

SAFE_SCHEMES = {"http", "https", "mailto"}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "cite", "srcset", "lowsrc", "dynsrc", "code", "codebase", "srcdoc",
}  # fmt: skip
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")


class Elements(HTMLParser):
    """Every start tag and its attributes, with character references already decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.found.append((tag, attrs))

    handle_startendtag = handle_starttag


def elements_of(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see: it ignores spaces and control characters in it."""
    match = _SCHEME.match(_IGNORED_IN_URLS.sub("", value).lower())
    return match.group(1) if match else None


def problems_in(html: str, *, allowed_tags=ALLOWED_TAGS) -> list[str]:
    """What would make the HTML unsafe to put on a page; empty when it is safe."""
    problems = []
    for tag, attrs in elements_of(html):
        if allowed_tags is not None and tag not in allowed_tags:
            problems.append(f"element <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"event handler {name} on <{tag}>")
            if name == "style":
                problems.append(f"style attribute on <{tag}>")
            if name in URL_ATTRIBUTES and value:
                scheme = url_scheme(value)
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    problems.append(f"{scheme}: URL in {name} of <{tag}>")
    return problems
