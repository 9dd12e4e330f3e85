"""One HTML template per outlet.

Every layout receives a generate.Page `P` and returns the page as a string.
Layouts differ on purpose: semantic vs. anonymous markup, <p> vs. <div> vs.
<span> paragraphs, BEM / utility / hashed / styled-components class names,
tables, microdata and <br>-separated legacy text.  Chaff that was scheduled
inside the article body (P.body) is rendered with the same markup as content.
"""
import json
import re

NBSP_RE = re.compile(r"(\d) (million|billion|per cent)")
QUOTE_RE = re.compile("(\u201c|\")([^\"\u201c\u201d]{12,80}?)(\u201d|\")")
NUM_RE = re.compile(r"\d[\d,.]*\d(?: per cent| million| billion)?")

# ------------------------------------------------------------ shared snippets

GA_JS = ("window.dataLayer = window.dataLayer || [];\n"
         "function gtag(){dataLayer.push(arguments);}\n"
         "gtag('js', new Date());\ngtag('config', 'G-%s');")
PAYWALL_JS = ("(function(){var meter=parseInt(localStorage.getItem('meter')||'0',10)+1;"
              "localStorage.setItem('meter',meter);\n"
              "if(meter>5){document.body.classList.add('is-gated');"
              "var msg=\"Subscribe to continue reading this article\";console.log(msg);}})();")
CONSENT_JS = ("var __cmp = __cmp || function(){(__cmp.q=__cmp.q||[]).push(arguments)};\n"
              "__cmp('init', {vendorList: 'https://consent.example/vendors.json', "
              "text: 'We use cookies to give you the best experience'});")
LAZY_JS = ("document.addEventListener('DOMContentLoaded', function () {\n"
           "  document.querySelectorAll('img[data-src]').forEach(function (img) {\n"
           "    img.src = img.dataset.src;\n  });\n});")


def ld_json(P):
    a = P.art
    return json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": a["title"], "datePublished": a["iso"], "url": a["url"],
        "publisher": {"@type": "Organization", "name": P.o["name"]},
        "articleSection": a["section_label"],
    }, ensure_ascii=False)


# ------------------------------------------------------------ text helpers

def content(P, text):
    """Escape a content paragraph and sometimes add inline <a>/<em>/<strong>."""
    rng, e = P.rng, P.e
    spans = []
    r = rng.random()
    if r < 0.22:
        terms = [t for t in P.art["link_terms"] if t in text]
        if terms:
            t = rng.choice(terms)
            i = text.index(t)
            href = "https://%s/topic/%s" % (P.o["domain"], re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-"))
            spans.append((i, i + len(t), '<a href="%s">' % href, "</a>"))
    elif r < 0.32:
        m = QUOTE_RE.search(text)
        if m:
            spans.append((m.start(2), m.end(2), "<em>", "</em>"))
    elif r < 0.38:
        m = NUM_RE.search(text)
        if m:
            spans.append((m.start(), m.end(), "<strong>", "</strong>"))
    out, pos = [], 0
    for s, t, open_, close in spans:
        out += [e(text[pos:s]), open_, e(text[s:t]), close]
        pos = t
    out.append(e(text[pos:]))
    h = "".join(out)
    if P.o.get("nbsp"):
        h = NBSP_RE.sub(r"\1&nbsp;\2", h)
    return h


def buttons(P, btns, cls=None, href="/support"):
    c = ' class="%s"' % cls if cls else ""
    return " ".join('<a%s href="%s">%s</a>' % (c, href, P.e(b)) for b in btns)


def chaff(P, kind):
    """Inline HTML (no block wrapper) for one chaff pick."""
    e, v = P.e, P.picks[kind]
    if kind in ("donation", "newsletter", "paywall", "cookie", "comments"):
        hrefs = {"donation": "/support", "newsletter": "/newsletters", "paywall": "/subscribe",
                 "cookie": "#consent", "comments": "#comments"}
        return (e(v[0]) + " " + buttons(P, v[1], href=hrefs[kind])).strip()
    if kind == "readmore":
        pre, title, url, post = v
        return '%s<a href="%s">%s</a>%s' % (e(pre), url, e(title), e(post))
    if kind in ("nav", "share"):
        return " ".join('<a href="#">%s</a>' % e(i) for i in v)
    if kind == "breadcrumb":
        return e(v[0]).join('<a href="/">%s</a>' % e(i) for i in v[1])
    if kind in ("related", "popular"):
        return e(v[0])
    if kind == "footer":
        return "<br>".join(" ".join('<a href="#">%s</a>' % e(i) for i in line) if len(line) > 1
                           else e(line[0]) for line in v)
    return e(v)


def body(P, wrap_content, wrap_chaff=None):
    """Render P.body: content through wrap_content, chaff through wrap_chaff (default: same)."""
    wrap_chaff = wrap_chaff or wrap_content
    out = []
    for kind, text in P.body:
        if kind == "content":
            out.append(wrap_content(content(P, text)))
        else:
            out.append(wrap_chaff(chaff(P, kind)))
    return "\n".join(out)


def opt(P, kind, fmt):
    """fmt % chaff(P, kind) if the outlet has that kind, else ''."""
    return fmt % chaff(P, kind) if P.has(kind) else ""


def link_list(P, kind, li='<li><a href="%s">%s</a></li>', wrap="<ul>%s</ul>", heading="<h2>%s</h2>"):
    if not P.has(kind):
        return ""
    head, items = P.picks[kind]
    lis = "".join(li % (u, P.e(t)) for t, u in items)
    return (heading % P.e(head)) + (wrap % lis)


def nav_items(P, tmpl='<li><a href="/%s">%s</a></li>'):
    if not P.has("nav"):
        return ""
    return "".join(tmpl % (re.sub(r"[^a-z]+", "-", i.lower()).strip("-"), P.e(i)) for i in P.picks["nav"])


def footer_lines(P, line_tmpl="<p>%s</p>", sep=" "):
    if not P.has("footer"):
        return ""
    out = []
    for line in P.picks["footer"]:
        if len(line) > 1:
            out.append(line_tmpl % sep.join('<a href="#">%s</a>' % P.e(i) for i in line))
        else:
            out.append(line_tmpl % P.e(line[0]))
    return "\n".join(out)


def head(P, extra="", lang="en", title_sep=" | "):
    a = P.art
    return ('<!DOCTYPE html>\n<html lang="%s">\n<head>\n<meta charset="utf-8">\n'
            '<title>%s%s%s</title>\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<link rel="canonical" href="%s">\n%s\n</head>\n'
            % (lang, P.e(a["title"]), title_sep, P.e(P.o["name"]), a["url"], extra))


def img(P, cls=""):
    c = ' class="%s"' % cls if cls else ""
    return '<img%s src="https://img.%s/%s.jpg" alt="" width="960" height="540" loading="lazy">' % (
        c, P.o["domain"], P.art["slug"][:24])


def dek(P, fmt):
    return fmt % P.e(P.art["dek"]) if P.art.get("dek_shown") else ""


# ------------------------------------------------------------ layouts

def layout_gazette(P):
    a, e = P.art, P.e
    msg = ""
    if P.has("donation"):
        d = P.picks["donation"]
        msg = ('<aside class="support-epic"><p class="support-epic__text">%s</p>%s</aside>'
               % (e(d[0]), buttons(P, d[1], "support-epic__button")))
    news = ""
    if P.has("newsletter"):
        n = P.picks["newsletter"]
        news = ('<section class="newsletter-signup"><p class="newsletter-signup__copy">%s</p>'
                '<form class="newsletter-signup__form"><input type="email" placeholder="Email address">'
                '<button>%s</button></form></section>' % (e(n[0]), e(n[1][0])))
    return head(P, '<style>.article__body p{margin:0 0 1rem;font:17px/1.6 Georgia,serif}'
                   '.site-nav__list{display:flex;gap:1rem}</style>\n<script>%s</script>\n'
                   '<script type="application/ld+json">%s</script>' % (GA_JS % "HG1", ld_json(P)),
                lang="en-GB") + f'''<body class="page page--article">
<header class="site-header"><a class="site-header__logo" href="/">The Harbour Gazette</a>
<nav class="site-nav"><ul class="site-nav__list">{nav_items(P, '<li class="site-nav__item"><a href="/%s">%s</a></li>')}</ul></nav>
</header>
<main class="page__main">
<article class="article article--{a["topic"]}">
<header class="article__header">
<div class="article__kicker"><a href="/{a["section"]}">{e(a["section_label"])}</a></div>
<h1 class="article__headline">{e(a["title"])}</h1>
{dek(P, '<p class="article__standfirst">%s</p>')}
<figure class="article__media">{img(P, "article__img")}<figcaption class="article__caption">{opt(P, "caption", "%s")}</figcaption></figure>
<div class="article__meta"><address class="byline">{e(P.byline)}</address> <time datetime="{a["iso"]}">{e(a["date_s"])}</time></div>
<div class="share-bar">{opt(P, "share", "%s")}</div>
</header>
<div class="article__body">
{body(P, lambda h: "<p>%s</p>" % h)}
</div>
<footer class="article__footer">{opt(P, "author", '<p class="article__bio">%s</p>')}</footer>
</article>
{msg}
<aside class="article__related">{link_list(P, "related", heading='<h2 class="related__title">%s</h2>')}</aside>
{news}
</main>
<footer class="site-footer">{footer_lines(P, '<div class="site-footer__row">%s</div>')}</footer>
</body>
</html>
'''


def layout_storybody(P):
    a, e = P.art, P.e
    cookie = ""
    if P.has("cookie"):
        c = P.picks["cookie"]
        cookie = '<div id="cookie-banner" class="cookie-banner"><span>%s</span> %s</div>' % (
            e(c[0]), buttons(P, c[1], "btn", "#"))
    pay = opt(P, "paywall", '<div class="paywall-prompt">%s</div>')
    return head(P, '<link rel="stylesheet" href="/static/post.min.css">\n<script>%s</script>\n'
                   '<script async src="https://ads.example/tag.js"></script>' % PAYWALL_JS) + f'''<body>
<div id="page">
{cookie}
<div class="masthead"><a href="/" class="logo">Northfield Post</a></div>
<div class="topnav">{nav_items(P, '<a href="/%s">%s</a> ')}</div>
<div class="story">
<h1 class="story-headline">{e(a["title"])}</h1>
{dek(P, '<div class="story-summary">%s</div>')}
<div class="story-meta"><span class="story-byline">{e(P.byline)}</span> <span class="story-date">{e(a["date_s"])}</span></div>
<div class="story-share">{opt(P, "share", "%s")}</div>
<div class="story-body"><div class="story-body__inner">
{body(P, lambda h: "<p>%s</p>" % h)}
</div></div>
{pay}
<div class="story-tags">{opt(P, "tags", "%s")}</div>
</div>
<div class="sidebar">{link_list(P, "popular", li='<li><a href="%s">%s</a></li>', wrap="<ol>%s</ol>", heading="<h3>%s</h3>")}</div>
<div class="footer">{footer_lines(P, "<div>%s</div>", " | ")}</div>
</div>
</body>
</html>
'''


def layout_lantern(P):
    a, e = P.art, P.e
    don = ""
    if P.has("donation"):
        d = P.picks["donation"]
        don = '<div class="cta cta--donate"><h3>%s</h3>%s</div>' % (e(d[0]), buttons(P, d[1], "cta__btn"))
    com = ""
    if P.has("comments"):
        c = P.picks["comments"]
        com = '<div id="comments"><h2>%s</h2>%s</div>' % (e(c[0]), buttons(P, c[1], href="#comments"))
    ad = opt(P, "ad", '<div class="ad-slot ad-slot--mpu"><span class="ad-slot__label">%s</span></div>')
    return head(P, '<style>\n.para{margin-bottom:14px}\n.content__title{font-size:2.2em}\n'
                   '.ad-slot{min-height:250px;background:#f4f4f4}\n</style>\n<script>%s</script>'
                   % LAZY_JS, title_sep=" - ") + f'''<body>
<div class="top-strip"><nav aria-label="Main">{nav_items(P, '<a class="nav-link" href="/%s">%s</a>')}</nav></div>
<main id="main-content">
<section class="content" data-article-id="{a["slug"][:12]}">
<h1 class="content__title">{e(a["title"])}</h1>
{dek(P, '<h2 class="content__sub">%s</h2>')}
<div class="content__author">{e(P.byline)} | <span class="content__date">{e(a["date_s"])}</span></div>
<div class="content__image"><img data-src="/i/{a["slug"][:16]}.jpg" alt="">{opt(P, "caption", '<div class="content__image-caption">%s</div>')}</div>
{ad}
<div class="content__text">
{body(P, lambda h: '<div class="para">%s</div>' % h)}
</div>
{don}
{opt(P, "newsletter", '<div class="signup-box">%s</div>')}
{com}
</section>
<aside class="rail">{link_list(P, "popular", heading='<h4 class="rail__title">%s</h4>')}</aside>
</main>
<footer class="lantern-footer">{footer_lines(P, "<p>%s</p>", " &middot; ")}</footer>
</body>
</html>
'''


def layout_tribune(P):
    a, e = P.art, P.e
    crumbs = ""
    if P.has("breadcrumb"):
        sep, items = P.picks["breadcrumb"]
        crumbs = '<font size="1" class="crumbs">%s</font><br>' % e(sep).join(
            '<a href="/">%s</a>' % e(i) for i in items)
    related = ""
    if P.has("related"):
        h, items = P.picks["related"]
        related = "<b>%s</b><br>\n%s" % (e(h), "<br>\n".join(
            '<a href="%s"><font size="2">%s</font></a>' % (u, e(t)) for t, u in items))
    nav = " | ".join('<a href="/%s">%s</a>' % (i.lower().split()[0], e(i)) for i in P.picks["nav"])
    return head(P, '<style type="text/css">\nbody{font-family:Verdana,Arial,sans-serif}\n'
                   'td.bodytext p{font-size:13px;line-height:18px}\n</style>\n'
                   '<script language="JavaScript" type="text/javascript">\n'
                   'function popUp(URL){window.open(URL,"print","width=600,height=600");}\n</script>') + f'''<body bgcolor="#ffffff" topmargin="0" leftmargin="0">
<table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2" class="masthead" align="center"><a href="/"><img src="/images/tribune_logo.gif" alt="Riverbend Tribune" border="0"></a></td></tr>
<tr><td colspan="2" class="navbar" bgcolor="#003366">{nav}</td></tr>
<tr>
<td width="70%" valign="top" class="bodytext">
{crumbs}
<h1>{e(a["title"])}</h1>
<font size="2" class="byline">{e(P.byline)}</font><br>
<font size="1" color="#666666">{e(a["date_s"])}</font><br>
{opt(P, "share", '<font size="1">%s</font>')}
{body(P, lambda h: "<p>%s</p>" % h)}
{opt(P, "ad", '<center><font size="1">%s</font></center>')}
{opt(P, "comments", '<p class="comments"><i>%s</i></p>')}
</td>
<td width="30%" valign="top" class="rightcol" bgcolor="#f0f0f0">
{related}
</td>
</tr>
<tr><td colspan="2" class="footer" align="center"><font size="1">{footer_lines(P, "%s<br>", " | ")}</font></td></tr>
</table>
</body>
</html>
'''


def layout_ledger(P):
    a, e = P.art, P.e
    cookie = ""
    if P.has("cookie"):
        c = P.picks["cookie"]
        cookie = '<div class="css-1f2kpw0" role="dialog"><div class="css-m9b8s2">%s</div>%s</div>' % (
            e(c[0]), " ".join('<button class="css-14r8z4c">%s</button>' % e(b) for b in c[1]))
    pay = ""
    if P.has("paywall"):
        p = P.picks["paywall"]
        pay = '<div class="css-1dv1kvn" data-testid="paywall"><div class="css-5ysz8e">%s</div>%s</div>' % (
            e(p[0]), buttons(P, p[1], "css-1bx9zqe", "/subscribe"))
    related = link_list(P, "related", li='<a class="css-10p8vde" href="%s"><div class="css-1hb4f0n">%s</div></a>',
                        wrap='<div class="css-1n0n1fj">%s</div>', heading='<div class="css-9ca0ly">%s</div>')
    return head(P, '<style data-emotion="css">.css-at9mc1{margin:0 0 1em}.css-g5piaz{font-size:1.1rem}'
                   '.css-1dv1kvn{border-top:1px solid #ccc}</style>\n<script>%s</script>\n'
                   '<script type="application/ld+json">%s</script>' % (CONSENT_JS, ld_json(P)),
                title_sep=" - ") + f'''<body>
{cookie}
<div id="app">
<header class="css-1x9kq2"><a class="css-7ubq3z" href="/">The Meridian Ledger</a>
<nav class="css-8atqhb">{nav_items(P, '<a class="css-1lq7xy6" href="/%s">%s</a>')}</nav></header>
<div class="css-kq0fma e1v5rnq30" role="main">
<h1 class="css-1ttdiv3 e1h9rw200">{e(a["title"])}</h1>
{dek(P, '<p class="css-13g3fdh e1wiw3jv0">%s</p>')}
<div class="css-129mwq8"><span class="css-1baulvz">{e(P.byline)}</span> <time class="css-ys5c1r" datetime="{a["iso"]}">{e(a["date_s"])}</time></div>
<div class="css-1l6ebzs">{opt(P, "share", "%s")}</div>
<section name="articleBody" class="css-53u6y8 evys1bk0">
{body(P, lambda h: '<div class="css-at9mc1 evys1bk0"><span class="css-g5piaz">%s</span></div>' % h)}
</section>
{pay}
{opt(P, "newsletter", '<div class="css-nl01a9">%s</div>')}
{opt(P, "author", '<div class="css-1hwdbkp"><p class="css-9fxb7t">%s</p></div>')}
<div class="css-tags3k">{opt(P, "tags", "%s")}</div>
{related}
</div>
<footer class="css-1b9ykmv">{footer_lines(P, '<div class="css-11ql9dq">%s</div>')}</footer>
</div>
</body>
</html>
'''


def layout_courier(P):
    a, e = P.art, P.e
    don = ""
    if P.has("donation"):
        d = P.picks["donation"]
        don = ('<div class="my-8 rounded-lg border border-blue-200 bg-blue-50 p-6"><p class="text-base mb-3">%s</p>%s</div>'
               % (e(d[0]), buttons(P, d[1], "inline-block rounded bg-blue-700 px-4 py-2 text-white")))
    news = ""
    if P.has("newsletter"):
        n = P.picks["newsletter"]
        news = ('<div class="my-8 border-t pt-6"><p class="font-semibold">%s</p>'
                '<input class="border px-2 py-1" type="email"> %s</div>' % (e(n[0]), buttons(P, n[1], "underline")))
    pop = link_list(P, "popular", li='<li class="py-2 border-b"><a class="hover:underline" href="%s">%s</a></li>',
                    wrap='<ol class="list-decimal pl-5 text-sm">%s</ol>', heading='<h3 class="text-lg font-bold mb-2">%s</h3>')
    return head(P, '<link rel="stylesheet" href="/build/app.3f9c2e.css">\n<script defer src="/build/app.91b7d0.js"></script>\n'
                   '<script>%s</script>' % (GA_JS % "CC7")) + f'''<body class="bg-white text-gray-900 antialiased">
<header class="flex items-center justify-between px-4 py-3 border-b"><a class="font-serif text-2xl font-bold" href="/">Coastline Courier</a>
<nav class="hidden md:flex gap-4 text-sm">{nav_items(P, '<a class="hover:underline" href="/%s">%s</a>')}</nav></header>
<main class="mx-auto max-w-5xl px-4 md:grid md:grid-cols-3 md:gap-8">
<article class="md:col-span-2 mx-auto max-w-2xl py-8">
<span class="text-xs uppercase tracking-wide text-blue-700">{e(a["section_label"])}</span>
<h1 class="font-serif text-4xl leading-tight mb-4">{e(a["title"])}</h1>
{dek(P, '<p class="text-xl text-gray-600 mb-6">%s</p>')}
<div class="text-sm text-gray-500 mb-4">{e(P.byline)} &middot; {e(a["date_s"])}</div>
<figure class="my-6">{img(P, "w-full rounded")}{opt(P, "caption", '<figcaption class="text-xs text-gray-500 mt-1">%s</figcaption>')}</figure>
<div class="prose prose-lg max-w-none">
{body(P, lambda h: '<p class="text-base leading-7 mb-4">%s</p>' % h)}
</div>
{don}
<div class="flex gap-3 text-sm my-6">{opt(P, "share", "%s")}</div>
{news}
</article>
<aside class="py-8">{pop}</aside>
</main>
<footer class="mt-12 bg-gray-900 text-gray-300 text-sm p-6">{footer_lines(P, '<div class="mb-2">%s</div>', " ")}</footer>
</body>
</html>
'''


def layout_wire(P):
    a, e = P.art, P.e
    related = ""
    if P.has("related"):
        h, items = P.picks["related"]
        related = "<div>%s</div>\n%s" % (e(h), "\n".join('<div><a href="%s">%s</a></div>' % (u, e(t))
                                                          for t, u in items))
    credit = opt(P, "author", "<div>%s</div>")
    if "author" in P.inline_chaff:
        credit = ""
    return head(P, "<style>#c div{margin:0 0 12px}.h h1{font-size:26px}</style>") + f'''<body>
<div id="w">
<div class="t">{nav_items(P, '<a href="/%s">%s</a> ')}</div>
<div id="c">
<div class="h"><h1>{e(a["title"])}</h1></div>
<div class="m">{e(P.byline)} | {e(a["date_s"])}</div>
<div class="s">{opt(P, "share", "%s")}</div>
{body(P, lambda h: "<div>%s</div>" % h)}
{credit}
<div>{opt(P, "tags", "%s")}</div>
</div>
<div class="r">
{related}
</div>
<div class="f">{footer_lines(P, "<div>%s</div>", " | ")}</div>
</div>
</body>
</html>
'''


def layout_wordpress(P):
    a, e = P.art, P.e
    pid = sum(map(ord, a["slug"])) * 7 % 90000 + 1000
    crumbs = ""
    if P.has("breadcrumb"):
        sep, items = P.picks["breadcrumb"]
        crumbs = '<div class="breadcrumbs">%s<span>%s</span></div>' % (
            "".join('<a href="/">%s</a>%s' % (e(i), e(sep)) for i in items), e(a["title"]))
    cookie = ""
    if P.has("cookie"):
        c = P.picks["cookie"]
        cookie = '<div id="cookie-notice" class="cn-bottom"><span id="cn-notice-text">%s</span> %s</div>' % (
            e(c[0]), buttons(P, c[1], "cn-button", "#"))
    don = ""
    if P.has("donation"):
        d = P.picks["donation"]
        don = '<div class="wp-block-group donation-box"><p>%s</p>%s</div>' % (e(d[0]), buttons(P, d[1], "wp-block-button__link"))
    com = ""
    if P.has("comments"):
        c = P.picks["comments"]
        com = '<div id="comments" class="comments-area"><h3 id="reply-title" class="comment-reply-title">%s</h3>%s</div>' % (
            e(c[0]), buttons(P, c[1], href="#respond"))
    fig = ""
    if P.has("caption"):
        fig = '<figure class="wp-block-image size-large">%s<figcaption class="wp-element-caption">%s</figcaption></figure>' % (
            img(P, "wp-image-%d" % pid), chaff(P, "caption"))
    return head(P, "<link rel='stylesheet' id='theme-css' href='/wp-content/themes/valley/style.css?ver=6.4.2' media='all' />\n"
                   "<style id='wp-block-library-inline-css'>.wp-block-image figcaption{font-size:.8em}</style>\n"
                   "<script id='jquery-core-js' src='/wp-includes/js/jquery/jquery.min.js?ver=3.7.1'></script>",
                title_sep=" &#8211; ") + f'''<body class="post-template-default single single-post postid-{pid} single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/" rel="home">Valley Observer</a></p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{nav_items(P, '<li class="menu-item menu-item-type-taxonomy"><a href="/%s">%s</a></li>')}</ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard has-post-thumbnail">
<header class="entry-header">{crumbs}
<h1 class="entry-title">{e(a["title"])}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{a["iso"]}">{e(a["date_s"])}</time></span><span class="byline"> {e(P.byline)}</span></div>
</header>
<div class="entry-content">
{dek(P, '<p class="has-large-font-size"><strong>%s</strong></p>')}
{fig}
{body(P, lambda h: "<p>%s</p>" % h)}
{don}
{opt(P, "newsletter", '<div class="wp-block-group newsletter"><p>%s</p></div>')}
</div>
<footer class="entry-footer"><span class="tags-links">{opt(P, "tags", "%s")}</span></footer>
</article>
{com}
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries">{link_list(P, "related", heading='<h2 class="widget-title">%s</h2>')}</section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">{footer_lines(P, "<p>%s</p>", " | ")}</div></footer>
</div>
{cookie}
</body>
</html>
'''


def layout_react(P):
    a, e = P.art, P.e
    pay = ""
    if P.has("paywall"):
        p = P.picks["paywall"]
        pay = '<div data-testid="paywall" class="Paywall_root__9Zk1s"><p class="Paywall_text__2hQ0x">%s</p>%s</div>' % (
            e(p[0]), buttons(P, p[1], "Button_primary__1xVq7", "/membership"))
    nd = json.dumps({"props": {"pageProps": {"slug": a["slug"], "section": a["section"],
                                               "paywalled": P.has("paywall")}},
                     "page": "/[section]/[slug]", "buildId": "k3YbQ2x9"})
    ad = opt(P, "ad", '<div class="AdSlot_root__4nB2e" data-testid="ad"><span class="AdSlot_label__1pL0c">%s</span></div>')
    return head(P, '<link rel="preload" href="/_next/static/css/8a1f3c.css" as="style">\n'
                   '<style>.ArticleText_p__3kdV1{font-size:18px;line-height:1.7}</style>') + f'''<body>
<div id="__next"><div class="Layout_wrapper__Xk2p9">
<header data-testid="masthead" class="Masthead_root__1fQ3a"><a href="/" class="Masthead_logo__3sG0q">Kestrel Review</a>
<nav class="Masthead_nav__2Lk8d">{nav_items(P, '<a class="NavLink_root__1aB2c" href="/%s">%s</a>')}</nav></header>
{ad}
<div data-testid="article" class="Article_root__2mZ8d">
<h1 data-testid="headline" class="Headline_h1__3Jd0T">{e(a["title"])}</h1>
{dek(P, '<h2 data-testid="dek" class="Dek_root__7Hc1u">%s</h2>')}
<div class="Byline_root__5tR2w"><span data-testid="byline">{e(P.byline)}</span><span data-testid="timestamp">{e(a["date_s"])}</span></div>
<div class="ShareBar_root__0Pq3d">{opt(P, "share", "%s")}</div>
<div data-testid="article-body" class="ArticleBody_root__1qF4x">
{body(P, lambda h: '<p data-testid="paragraph" class="ArticleText_p__3kdV1">%s</p>' % h)}
</div>
{pay}
{opt(P, "newsletter", '<div data-testid="newsletter-cta" class="NewsletterCta_root__6yT1m"><p>%s</p></div>')}
{opt(P, "author", '<div class="AuthorCard_root__8fW2k"><p>%s</p></div>')}
</div>
<aside class="MostPopular_root__2sX9v">{link_list(P, "popular", heading='<h3 class="MostPopular_title__1mN4b">%s</h3>', wrap="<ol>%s</ol>")}</aside>
<footer class="Footer_root__3rT7y">{footer_lines(P, '<div class="Footer_row__1hG2s">%s</div>')}</footer>
</div></div>
<script id="__NEXT_DATA__" type="application/json">{nd}</script>
</body>
</html>
'''


def layout_pinecrest(P):
    a, e = P.art, P.e
    crumbs = ""
    if P.has("breadcrumb"):
        sep, items = P.picks["breadcrumb"]
        crumbs = '<p class="p0"><span class="s0">%s</span></p>' % e(sep).join(e(i) for i in items)
    don = ""
    if P.has("donation"):
        d = P.picks["donation"]
        don = '<aside class="support"><p class="p5"><span class="s5">%s</span></p>%s</aside>' % (
            e(d[0]), buttons(P, d[1]))
    return head(P, '<style type="text/css">\np.p1 {margin: 0.0px 0.0px 12.0px 0.0px; font: 14.0px Georgia}\n'
                   'p.p3 {margin: 0.0px 0.0px 10.0px 0.0px; font: 15.0px Georgia}\nspan.s1 {font-kerning: none}\n</style>') + f'''<body>
<nav class="herald-nav">{nav_items(P, '<a href="/%s">%s</a> ')}</nav>
<main>
<div class="Section1">
{crumbs}
<h1 class="p1"><span class="s1">{e(a["title"])}</span></h1>
{dek(P, '<p class="p2"><i><span class="s2">%s</span></i></p>')}
<p class="p2"><span class="s2">{e(P.byline)}</span><br><span class="s2">{e(a["date_s"])}</span></p>
{opt(P, "caption", '<p class="p4"><i><span class="s4">%s</span></i></p>')}
{body(P, lambda h: '<p class="p3"><span class="s3">%s</span></p>' % h)}
{opt(P, "share", '<p class="p6"><span class="s6">%s</span></p>')}
{opt(P, "comments", '<p class="p6"><span class="s6">%s</span></p>')}
</div>
{don}
</main>
<footer>{footer_lines(P, "<p>%s</p>", " &#183; ")}</footer>
</body>
</html>
'''


def layout_ironbridge(P):
    a, e = P.art, P.e
    cookie = ""
    if P.has("cookie"):
        c = P.picks["cookie"]
        cookie = '<div id="orb-banner" class="cookie-banner"><p class="cookie-banner__text">%s</p>%s</div>' % (
            e(c[0]), " ".join('<button>%s</button>' % e(b) for b in c[1]))
    fig = ""
    if P.has("caption"):
        fig = ('<figure class="media-landscape">%s<figcaption class="media-caption">'
               '<span class="media-caption__text">%s</span></figcaption></figure>' % (img(P, "js-image-replace"), chaff(P, "caption")))
    first = [True]

    def para(h):
        if first[0]:
            first[0] = False
            return '<p class="story-body__introduction">%s</p>' % h
        return "<p>%s</p>" % h
    related = link_list(P, "related", li='<li class="tags-list__tags"><a href="%s">%s</a></li>',
                        wrap='<ul class="tags-list">%s</ul>', heading='<h2 class="tags-title">%s</h2>')
    return head(P, '<script>%s</script>\n<style>.story-body__introduction{font-weight:bold}</style>' % (GA_JS % "IBC")) + f'''<body>
{cookie}
<header id="orb-header"><div class="orb-nav"><a href="/" class="orb-logo">Ironbridge Chronicle</a>
<nav><ul class="orb-nav-links">{nav_items(P)}</ul></nav></div></header>
<div id="main-content" class="container">
<div class="story-body">
<h1 class="story-body__h1">{e(a["title"])}</h1>
{dek(P, '<p class="story-body__summary"><b>%s</b></p>')}
<div class="byline"><span class="byline__name">{e(P.byline)}</span></div>
<div class="date date--v2" data-datetime="{a["iso"]}">{e(a["date_s"])}</div>
{fig}
{opt(P, "ad", '<div class="advert advert--top"><span>%s</span></div>')}
<div class="story-body__inner" property="articleBody">
{body(P, para)}
</div>
{opt(P, "newsletter", '<div class="newsletter-promo"><p>%s</p></div>')}
{opt(P, "author", '<div class="author-unit"><p>%s</p></div>')}
{opt(P, "amended", '<p class="correction"><em>%s</em></p>')}
{related}
</div>
</div>
<footer class="orb-footer">{footer_lines(P, '<div class="orb-footer-row">%s</div>', " ")}</footer>
</body>
</html>
'''


def layout_microdata(P):
    a, e = P.art, P.e
    paras = P.body
    chunk = 3 if len(paras) > 6 else 2
    secs = []
    for i in range(0, len(paras), chunk):
        sub = P.body
        P.body = paras[i:i + chunk]
        secs.append('<section class="article-body__section">\n%s\n</section>' % body(P, lambda h: "<p>%s</p>" % h))
        P.body = sub
    pay = ""
    if P.has("paywall"):
        p = P.picks["paywall"]
        pay = '<div class="gate" aria-hidden="false"><p class="gate__copy">%s</p>%s</div>' % (
            e(p[0]), buttons(P, p[1], "gate__cta", "/subscribe"))
    don = ""
    if P.has("donation"):
        d = P.picks["donation"]
        don = '<aside class="contribute"><p>%s</p>%s</aside>' % (e(d[0]), buttons(P, d[1]))
    pop = link_list(P, "popular", li='<li itemprop="itemListElement"><a href="%s">%s</a></li>',
                    wrap='<ol itemscope itemtype="https://schema.org/ItemList">%s</ol>', heading="<h2>%s</h2>")
    return head(P, '<script>%s</script>\n<style>.article-body__section p{margin:0 0 1.2em}</style>' % PAYWALL_JS,
                lang="en-GB") + f'''<body itemscope itemtype="https://schema.org/WebPage">
<header role="banner"><a href="/" class="brand">Saltmarsh Times</a>
<nav role="navigation" aria-label="Sections"><ul>{nav_items(P)}</ul></nav></header>
<article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{e(a["title"])}</h1>
{dek(P, '<p itemprop="description" class="standfirst">%s</p>')}
<p class="byline"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{e(P.byline)}</span></span> <time itemprop="datePublished" datetime="{a["iso"]}">{e(a["date_s"])}</time></p>
<div class="share">{opt(P, "share", "%s")}</div>
<div itemprop="articleBody" class="article-body">
{chr(10).join(secs)}
</div>
{pay}
<p class="tags">{opt(P, "tags", "%s")}</p>
</article>
{don}
<aside class="most-read">{pop}</aside>
<footer role="contentinfo">{footer_lines(P, "<p>%s</p>")}</footer>
</body>
</html>
'''


def layout_styled(P):
    a, e = P.art, P.e
    cookie = ""
    if P.has("cookie"):
        c = P.picks["cookie"]
        cookie = '<div class="sc-AxirZ gIxrQn"><p class="sc-AxiKw eSbheu">%s</p>%s</div>' % (
            e(c[0]), " ".join('<button class="sc-AxhCb kMthTr">%s</button>' % e(b) for b in c[1]))
    com = ""
    if P.has("comments"):
        c = P.picks["comments"]
        com = '<button class="sc-fznyAO hNhBbb">%s</button>' % e(c[0])
    return head(P, '<style data-styled="active" data-styled-version="5.3.11">.kLmnop{display:flex}'
                   '.fMVtQk{font-size:18px;line-height:30px;margin-bottom:24px}</style>\n<script>%s</script>'
                   % LAZY_JS) + f'''<body>
<div id="root">
{cookie}
<div class="sc-bdfBwQ kLmnop"><a class="sc-gsTCUz bhFzSd" href="/">Brightwater Monitor</a>
<nav class="sc-dlfnbm hYtRzx">{nav_items(P, '<a class="sc-hKgILt gTLZXx" href="/%s">%s</a>')}</nav></div>
<article class="sc-eCssSg jXtHkt">
<h1 class="sc-jSgupP cdwNqV">{e(a["title"])}</h1>
{dek(P, '<p class="sc-gKsewC hDxJfF">%s</p>')}
<div class="sc-iBPRYJ dUgqkT"><span>{e(P.byline)}</span> <span class="sc-fubCfw jAvzPy">{e(a["date_s"])}</span></div>
<figure class="sc-pFZIQ">{img(P)}{opt(P, "caption", '<figcaption class="sc-jrAGrp bkmBQn">%s</figcaption>')}</figure>
<div class="sc-kEjbxe eRqRZs">
{body(P, lambda h: '<p class="sc-gKsewC fMVtQk">%s</p>' % h)}
</div>
<div class="sc-iqHYGH fYkhxB">{opt(P, "share", "%s")}</div>
{opt(P, "newsletter", '<div class="sc-crrsfI kKxYmk"><p>%s</p></div>')}
{com}
</article>
<footer class="sc-dQppl dNBaAu">{footer_lines(P, "<div>%s</div>", " ")}</footer>
</div>
</body>
</html>
'''


def layout_legacy(P):
    a, e = P.art, P.e
    br_mode = sum(map(ord, a["slug"])) % 5 < 2   # older archive template on ~40% of pages
    crumbs = ""
    if P.has("breadcrumb"):
        sep, items = P.picks["breadcrumb"]
        crumbs = '<DIV id="crumbs">%s</DIV>' % e(sep).join('<A href="/">%s</A>' % e(i) for i in items)
    related = ""
    if P.has("related"):
        h, items = P.picks["related"]
        related = "<B>%s</B><BR>\n%s" % (e(h), "<BR>\n".join('<A href="%s">%s</A>' % (u, e(t)) for t, u in items))
    don = ""
    if P.has("donation"):
        d = P.picks["donation"]
        don = '<DIV class="appeal"><FONT size="2">%s</FONT> %s</DIV>' % (e(d[0]), buttons(P, d[1]))
    if br_mode:
        parts = []
        for kind, text in P.body:
            parts.append(content(P, text) if kind == "content" else chaff(P, kind))
        story = '<DIV id="storytext"><FONT face="Verdana" size="2">\n%s\n</FONT></DIV>' % "<BR><BR>\n".join(parts)
    else:
        story = '<DIV id="storytext">\n%s\n</DIV>' % body(P, lambda h: "<P>%s</P>" % h)
    nav = " | ".join('<A href="/%s">%s</A>' % (i.lower().split()[0], e(i)) for i in P.picks["nav"])
    return ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<HTML>\n<HEAD>\n'
            '<META charset="utf-8">\n<TITLE>%s - %s</TITLE>\n<SCRIPT language="JavaScript">\n'
            '<!--\nfunction MM_openBrWindow(theURL,winName,features) { window.open(theURL,winName,features); }\n//-->\n'
            '</SCRIPT>\n</HEAD>\n' % (e(a["title"]), e(P.o["name"]))) + f'''<BODY bgcolor="#FFFFF0">
<CENTER><TABLE width="760" border="0"><TR><TD><IMG src="/img/star_masthead.gif" alt="Copperfield Star"></TD></TR>
<TR><TD class="nav">{nav}</TD></TR></TABLE></CENTER>
<DIV id="content">
{crumbs}
<H1>{e(a["title"])}</H1>
<DIV class="byline">{e(P.byline)}<BR>{e(a["date_s"])}</DIV>
{opt(P, "ad", '<DIV class="adlabel">%s</DIV>')}
{story}
{don}
<DIV class="related">{related}</DIV>
</DIV>
<DIV id="footer">{footer_lines(P, "%s<BR>", " | ")}</DIV>
</BODY>
</HTML>
'''


def layout_dispatch(P):
    a, e = P.art, P.e
    don = ""
    if P.has("donation"):
        d = P.picks["donation"]
        don = '<div class="c-support"><p class="c-support__text">%s</p>%s</div>' % (e(d[0]), buttons(P, d[1], "c-button"))
    return head(P, '<script>%s</script>\n<style>.c-paragraph{margin:0 0 1.25rem}</style>' % (GA_JS % "LD4")) + f'''<body class="o-page">
<header class="c-masthead"><a class="c-masthead__logo" href="/">Lakeshore Dispatch</a>
<nav class="c-nav"><ul class="c-nav__list">{nav_items(P, '<li class="c-nav__item"><a class="c-nav__link" href="/%s">%s</a></li>')}</ul></nav></header>
<article class="c-article">
<header class="c-article__header"><h1 class="c-article__title">{e(a["title"])}</h1>
{dek(P, '<p class="c-article__dek">%s</p>')}
<p class="c-article__byline">{e(P.byline)} <time>{e(a["date_s"])}</time></p></header>
<figure class="c-article__figure">{img(P)}{opt(P, "caption", '<figcaption>%s</figcaption>')}</figure>
<div class="c-article-body">
{body(P, lambda h: '<p class="c-paragraph">%s</p>' % h)}
</div>
<div class="c-share">{opt(P, "share", "%s")}</div>
{don}
{opt(P, "newsletter", '<div class="c-newsletter">%s</div>')}
</article>
<aside class="c-related">{link_list(P, "related")}</aside>
<footer class="c-footer">{footer_lines(P)}</footer>
</body>
</html>
'''


def layout_voice(P):
    a, e = P.art, P.e
    cookie = ""
    if P.has("cookie"):
        c = P.picks["cookie"]
        cookie = '<div class="cc"><span>%s</span> %s</div>' % (e(c[0]), buttons(P, c[1], href="#"))
    return head(P, "<style>.txt div{margin-bottom:1em}</style>\n<script>%s</script>" % CONSENT_JS) + f'''<body>
{cookie}
<div class="top"><b>Holloway Voice</b> {nav_items(P, '<a href="/%s">%s</a> ')}</div>
<section class="post">
<h1>{e(a["title"])}</h1>
{dek(P, '<div class="lead">%s</div>')}
<div class="meta">{e(P.byline)} - {e(a["date_s"])}</div>
<div class="txt">
{body(P, lambda h: '<div class="txt__p">%s</div>' % h)}
</div>
{opt(P, "paywall", '<div class="premium">%s</div>')}
<div class="kw">{opt(P, "tags", "%s")}</div>
</section>
<div class="side">{link_list(P, "popular", heading="<h4>%s</h4>")}</div>
<div class="bottom">{footer_lines(P, "<div>%s</div>", " | ")}</div>
</body>
</html>
'''
