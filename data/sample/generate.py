#!/usr/bin/env python3
"""Regenerate the winnow sample corpus.

Run from anywhere (paths are relative to this file):

    python data/sample/generate.py

Writes pages/, unseen/, manifest.jsonl and prints counts.  Standard library
only; deterministic (random.Random(2026), gzip mtime=0), so two runs give
byte-identical output.  All text is assembled from the hand-written parts in
parts/: fictional outlets, people, places and organisations.
"""
import datetime
import gzip
import html
import json
import os
import random
import re
import shutil
import sys
import unicodedata
from collections import Counter
from html.entities import codepoint2name

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "parts"))

import layouts  # noqa: E402
import outlets as outlet_parts  # noqa: E402
import vocab  # noqa: E402
from topics import business, health, politics, science, sport, technology, world  # noqa: E402

TOPIC_MODULES = [world, politics, business, sport, technology, science, health]
TOPICS = [m.TOPIC for m in TOPIC_MODULES]
TOPIC_LABEL = {t: t.capitalize() for t in TOPICS}
PAGES_PER_OUTLET = 13          # 14 outlets x 13 = 182 pages, 26 per topic
TXT_PER_OUTLET = [3, 2]        # alternating: 35 plain-text pages in all
UNSEEN_PER_OUTLET = 4
YEAR = 2025

SENTINEL = re.compile("\x00(p[123])(r?)\x00")
TAGGED = re.compile(r"^\[([a-z0-9_,]+)\] (.*)$")
POSSESSIVE_S = re.compile(r"(?<=[a-z]s)'s\b")


def untag(line):
    m = TAGGED.match(line)
    if not m:
        return None, line
    return set(m.group(1).split(",")), m.group(2)


def allowed(lines, story_tags):
    """Template lines usable for a story: untagged lines, or lines sharing a tag with it."""
    out = []
    for line in lines:
        tags, text = untag(line)
        if tags is None or tags & story_tags:
            out.append(text)
    return out


# ---------------------------------------------------------------- text utils

def cap_first(s):
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:] if ch.islower() else s
        if ch not in "\"'\u201c\u2018(":
            return s
    return s


def curly(s):
    """House style for some outlets: typographic quotes and apostrophes."""
    out = []
    for i, ch in enumerate(s):
        prev = s[i - 1] if i else " "
        if ch == "'":
            out.append("\u2018" if prev.isspace() or prev in "(\u201c" else "\u2019")
        elif ch == '"':
            out.append("\u201c" if prev.isspace() or prev in "(\u2018" else "\u201d")
        else:
            out.append(ch)
    return "".join(out)


def escape(s, mode):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if mode == "legacy":
        s = s.replace('"', "&quot;").replace("'", "&#39;")
    if mode == "raw":
        return s
    out = []
    for ch in s:
        cp = ord(ch)
        if cp < 128:
            out.append(ch)
        elif mode == "numeric":
            out.append("&#%d;" % cp)
        elif cp in codepoint2name:
            out.append("&%s;" % codepoint2name[cp])
        else:
            out.append("&#%d;" % cp)
    return "".join(out)


def slugify(s, max_words=8):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = s.lower().replace("&", " and ")
    words = re.findall(r"[a-z0-9]+", s)
    return "-".join(words[:max_words])


# ------------------------------------------------------------------ articles

class Slots(dict):
    """Fixed per-article entities; numbers are drawn fresh on each use."""

    def __init__(self, ents, rng, mode, cache=None):
        super().__init__(ents)
        self.rng = rng
        self.mode = mode
        self.cache = cache

    def __missing__(self, key):
        if self.cache is not None and key not in ("p1", "p2", "p3", "p1r", "p2r", "p3r"):
            if key not in self.cache:
                self.cache[key] = self.draw(key)
            return self.cache[key]
        return self.draw(key)

    def draw(self, key):
        r = self.rng
        if key in ("p1", "p2", "p3", "p1r", "p2r", "p3r"):
            if self.mode == "body":
                return "\x00%s\x00" % key
            if self.mode == "full":
                return self[key[:2] + "_full"]
            return self[key[:2] + "s"]
        if key in ("num", "num2"):
            return str(r.randint(12, 95))
        if key == "n_small":
            return str(r.randint(2, 9))
        if key == "n_word":
            return r.choice(vocab.NUMBER_WORDS)
        if key == "hundreds":
            return str(r.randint(12, 98) * 10)
        if key == "big":
            return "{:,}".format(r.randint(12, 480) * 100 + r.choice([0, 0, 50]))
        if key == "pct":
            return "%.1f" % r.uniform(1.5, 38.0)
        if key == "pct2":
            return "%.1f" % r.uniform(0.3, 9.5)
        if key in ("pct_int", "pct_int2"):
            return str(r.randint(8, 64))
        if key == "money":
            return "%s%.1f million" % (self["cur"], r.uniform(1.2, 95.0))
        if key == "money_k":
            return "%s%s" % (self["cur"], "{:,}".format(r.randint(4, 95) * 50))
        if key == "money_bn":
            return "%s%.1f billion" % (self["cur"], r.uniform(1.1, 24.0))
        if key == "past_year":
            return str(r.randint(2009, 2022))
        if key == "future_year":
            return str(r.randint(2027, 2031))
        if key == "year":
            return str(YEAR)
        raise KeyError(key)


def fill(template, ents, rng, mode, cache=None):
    return POSSESSIVE_S.sub("'", template.format_map(Slots(ents, rng, mode, cache)))


def make_entities(tmod, rng):
    ents = {}
    for key in sorted(tmod.POOLS):
        a, b = rng.sample(tmod.POOLS[key], 2)
        ents[key], ents[key + "2"] = a, b
    ents["place"], ents["place2"] = rng.sample(vocab.PLACES, 2)
    ents["region"] = rng.choice(vocab.REGIONS)
    ents["day"] = rng.choice(vocab.WEEKDAYS)
    ents["month"] = rng.choice(vocab.MONTHS)
    ents["cur"] = rng.choice(vocab.CURRENCIES)
    if hasattr(tmod, "derive"):
        tmod.derive(ents, rng)
    surnames = rng.sample(vocab.SURNAMES, 3)
    firsts = rng.sample(vocab.FIRST_NAMES, 3)
    for i in range(3):
        k = "p%d" % (i + 1)
        ents[k + "_full"] = "%s %s" % (firsts[i], surnames[i])
        ents[k + "s"] = surnames[i]
    for i in range(3):
        k = "p%d" % (i + 1)
        ents[k + "_role"] = rng.choice(tmod.ROLES[k]).format_map(Slots(ents, rng, "full"))
    return ents


def resolve_people(paragraphs, ents):
    """First mention of a person: full name (plus role where it fits); later: surname."""
    seen = set()
    out = []
    for sentences in paragraphs:
        fixed = []
        for s in sentences:
            def rep(m, s=s):
                key, r = m.group(1), m.group(2) == "r"
                if key in seen:
                    return ents[key + "s"]
                seen.add(key)
                name, role = ents[key + "_full"], ents[key + "_role"]
                if r:
                    return "%s, %s," % (name, role)
                if s[m.end():m.end() + 1] == ".":
                    return "%s, %s" % (name, role)
                return name
            fixed.append(cap_first(SENTINEL.sub(rep, s)))
        out.append(" ".join(fixed))
    return out


SENT_END = re.compile(r'[.!?]["\u201d]?(?= [A-Z"\u201c{]|$)')


def n_sentences(template):
    return max(1, len(SENT_END.findall(template)))


def paragraph_sizes(rng, n_par, budget):
    sizes = [rng.choices([1, 2, 3, 4, 5], weights=[15, 35, 30, 13, 7])[0] for _ in range(n_par)]
    sizes[0] = min(sizes[0], 3)
    while sum(sizes) > budget:
        i = max(range(n_par), key=lambda j: sizes[j])
        if sizes[i] == 1:
            break
        sizes[i] -= 1
    return sizes


def compose(tmod, rng):
    ents = make_entities(tmod, rng)
    cat = rng.choice(sorted(tmod.STORIES))
    story_tags, story = untag(rng.choice(tmod.STORIES[cat]))
    story_tags = story_tags or set()
    head_t, lead_t = story.split(" || ")
    body = allowed(tmod.BODY[cat], story_tags) + allowed(tmod.BODY["any"], story_tags)
    rng.shuffle(body)
    quotes = allowed(tmod.QUOTES, story_tags)
    rng.shuffle(quotes)
    n_par = rng.choice([4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 11, 12])
    quote_only = set(rng.sample(range(1, n_par), rng.randint(1, max(1, min(3, n_par // 3)))))
    sizes = paragraph_sizes(rng, n_par, len(body) + len(quotes) // 2)
    paras = []
    for i in range(n_par):
        sent = []
        if i == 0:
            sent.append(lead_t)
            sizes[i] -= 1
        if i in quote_only and quotes:
            sent.append(quotes.pop())
        else:
            for _ in range(sizes[i]):
                used = sum(n_sentences(t) for t in sent)
                if quotes and rng.random() < 0.12 and used + n_sentences(quotes[-1]) <= 5:
                    sent.append(quotes.pop())
                elif body and used < 5:
                    sent.append(body.pop())
        if sent:
            paras.append(sent)
    closes = allowed(tmod.CLOSES, story_tags)
    if closes and rng.random() < 0.55:
        close = rng.choice(closes)
        if rng.random() < 0.5 and sum(n_sentences(t) for t in paras[-1]) < 5:
            paras[-1].append(close)
        elif len(paras) < 12:
            paras.append([close])
    cache = {}   # headline and lead share their numbers
    title = cap_first(fill(head_t, ents, rng, "head", cache))
    paras = [[fill(t, ents, rng, "body", cache if t is lead_t else None) for t in p] for p in paras]
    gold = resolve_people(paras, ents)
    deks = allowed(tmod.DEKS, story_tags)
    dek = cap_first(fill(rng.choice(deks), ents, rng, "full")) if deks else None
    caption = cap_first(fill(rng.choice(allowed(tmod.CAPTIONS, story_tags)), ents, rng, "full"))
    tags = [TOPIC_LABEL[tmod.TOPIC]] + rng.sample(tmod.TAGS, 2)
    for k in tmod.TAG_SLOTS:
        tags.append(cap_first(ents[k]))
    seen, uniq = set(), []
    for t in tags:
        if t.lower() not in seen:
            seen.add(t.lower())
            uniq.append(t)
    links = [ents[k] for k in sorted(tmod.POOLS) if k in ents] + [ents["place"]]
    if "team" in ents:
        links.append(ents["team"])
    return dict(topic=tmod.TOPIC, title=title, dek=dek, paragraphs=gold, caption=caption,
                tags=uniq, link_terms=links)


# ------------------------------------------------------------------ dates

def fmt_date(d, hh, mm, style):
    mon = vocab.MONTHS[d.month - 1]
    wd = vocab.WEEKDAYS[d.weekday()]
    if style == "dmy":
        return "%d %s %d" % (d.day, mon, d.year)
    if style == "mdy":
        return "%s %d, %d" % (mon, d.day, d.year)
    if style == "iso":
        return "%s %02d:%02d" % (d.isoformat(), hh, mm)
    if style == "short":
        return "%s %d %s %d %02d.%02d" % (wd[:3], d.day, mon[:3], d.year, hh, mm)
    if style == "dots":
        return "%02d.%02d.%d" % (d.day, d.month, d.year)
    if style == "upd":
        return "Updated %s %d, %d %d:%02d %s" % (mon[:3], d.day, d.year, (hh - 1) % 12 + 1, mm,
                                                  "am" if hh < 12 else "pm")
    raise ValueError(style)


# ------------------------------------------------------------------ pages

INLINE_MID = ["donation", "newsletter", "paywall", "readmore", "caption", "ad"]
INLINE_END = ["amended", "comments", "tags", "author"]


def split_msg(v):
    if " || " in v:
        msg, btn = v.split(" || ")
        return msg, btn.split(" | ")
    return v, []


class Page:
    """Everything a layout needs; strings are plain text (layouts escape)."""


def build_page(art, outlet, staff, others, rng, fmt):
    o = outlet
    ty = curly if o["typo"] == "curly" else (lambda s: s)
    topic = art["topic"]
    author, role = staff[topic]
    amend = rng.choice(outlet_parts.AMEND_WHAT)
    d = art["date"]
    adate = d + datetime.timedelta(days=rng.randint(0, 3))
    photographer = rng.choice(o["photographers"])
    editors = rng.sample(staff["_editors"], 2)
    fillers = dict(
        outlet=o["name"], short=o["short"], year=str(YEAR), author=author, role=role,
        role_lower=role.lower(), beat=outlet_parts.BEATS[topic], date=art["date_s"],
        adate="%d %s %d" % (adate.day, vocab.MONTHS[adate.month - 1], adate.year),
        what=amend[0], what_short=amend[1], section=art["section_label"], caption=art["caption"],
        photographer=photographer, photographer_upper=photographer.upper(),
        handle=slugify(author).replace("-", "."), n_comments=str(rng.randint(2, 240)),
        first=str(rng.randint(2012, 2022)), editor=editors[0], editor2=editors[1],
        city=rng.choice(vocab.PLACES), section_city=rng.choice(vocab.PLACES),
        n_par=str(rng.randint(2, max(2, len(art["paragraphs"])))), headline="{headline}",
        tags=", ".join(art["tags"]),
    )
    P = Page()
    P.o, P.art, P.rng, P.fmt = o, art, rng, fmt
    P.e = lambda s: escape(s, o["ent"])
    P.picks = {}
    mine = [a for a in others if a is not art]
    for kind in sorted(o["chaff"]):
        v = rng.choice(o["chaff"][kind])
        if kind in ("related", "popular"):
            items = rng.sample(mine, min(len(mine), rng.randint(3, 5)))
            P.picks[kind] = (ty(v.format_map(fillers)), [(x["title"], x["url"]) for x in items])
        elif kind == "readmore":
            x = rng.choice(mine)
            pre, post = v.split("{headline}")
            P.picks[kind] = (ty(pre), x["title"], x["url"], ty(post))
        elif kind in ("nav", "share"):
            P.picks[kind] = [ty(i) for i in v.split(" | ")]
        elif kind == "footer":
            P.picks[kind] = [[ty(i) for i in line.split(" | ")]
                             for line in v.format_map(fillers).split(" ## ")]
        elif kind == "breadcrumb":
            P.picks[kind] = (v, ["Home", art["section_label"]])
        elif kind in ("donation", "newsletter", "paywall", "cookie", "comments"):
            msg, btns = split_msg(v.format_map(fillers))
            P.picks[kind] = (ty(msg), [ty(b) for b in btns])
        else:
            P.picks[kind] = ty(v.format_map(fillers))
    P.byline = "By %s, %s" % (author, role) if o["layout"] != "wire" else "By %s" % author
    P.has = lambda k: k in P.picks
    # Body: content paragraphs, possibly with chaff paragraphs in between.
    body = [("content", p) for p in art["paragraphs"]]
    P.inline_chaff = []
    if fmt == "html" and rng.random() < 0.6:
        mid = [k for k in INLINE_MID if k in P.picks]
        end = [k for k in INLINE_END if k in P.picks]
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            pool = mid + end
            if not pool:
                break
            k = rng.choice(pool)
            if k in end:
                body.append((k, None))
            else:
                pos = rng.randint(0 if k == "caption" else 1, len(body) - 1)
                body.insert(pos, (k, None))
            P.inline_chaff.append(k)
    P.body = body
    return P


def chaff_text(P, kind):
    """Plain-text rendering of one chaff pick (as a scraper leaves it)."""
    v = P.picks[kind]
    if kind in ("related", "popular"):
        return [v[0]] + [t for t, _ in v[1]]
    if kind == "readmore":
        return [v[0] + v[1] + v[3]]
    if kind in ("nav", "share"):
        return [" ".join(v)]
    if kind == "footer":
        return [" ".join(line) for line in v]
    if kind == "breadcrumb":
        return [v[0].strip().join(v[1])]
    if kind in ("donation", "newsletter", "paywall", "cookie", "comments"):
        return [" ".join([v[0]] + v[1])]
    return [v]


def render_txt(P):
    rng, art, o = P.rng, P.art, P.o
    blocks = []
    for k in ("cookie", "nav", "breadcrumb"):
        if P.has(k):
            blocks += chaff_text(P, k)
    blocks.append(art["title"])
    if art.get("dek_shown"):
        blocks.append(art["dek"])
    head = [P.byline, art["date_s"]]
    if P.has("caption"):
        head += chaff_text(P, "caption")
    blocks += head
    pre_kinds = [k for k in ("donation", "newsletter", "paywall", "caption", "share", "cookie")
                 if P.has(k)]
    post_kinds = [k for k in ("newsletter", "share", "donation", "comments", "tags", "author",
                              "paywall", "amended") if P.has(k)]
    paras = list(art["paragraphs"])
    glue = P.glue
    glued = []
    if glue:
        where = rng.choice(["pre", "post", "both"])
        if where in ("pre", "both"):
            txt = chaff_text(P, rng.choice(pre_kinds))[0] if pre_kinds else art["date_s"]
            paras[0] = txt + " " + paras[0]
            glued.append("pre")
        if where in ("post", "both") and post_kinds:
            txt = chaff_text(P, rng.choice(post_kinds))[0]
            paras[-1] = paras[-1] + " " + txt
            glued.append("post")
        if not glued:
            paras[0] = art["date_s"] + " " + paras[0]
            glued.append("pre")
    # An occasional chaff line between paragraphs.
    body_lines = []
    for i, p in enumerate(paras):
        body_lines.append(p)
        if 0 < i < len(paras) - 1 and rng.random() < 0.12:
            mid = [k for k in ("ad", "readmore", "newsletter", "donation") if P.has(k)]
            if mid:
                body_lines += chaff_text(P, rng.choice(mid))
    single_nl = rng.random() < 0.35
    text = "\n\n".join(blocks) + "\n\n"
    for i, line in enumerate(body_lines):
        sep = "\n" if single_nl and rng.random() < 0.5 else "\n\n"
        text += line + (sep if i < len(body_lines) - 1 else "\n\n")
    tail = []
    for k in ("share", "author", "amended", "tags", "related", "popular", "comments", "footer"):
        if P.has(k) and not (k == "share" and rng.random() < 0.5):
            lines = chaff_text(P, k)
            tail.append("\n".join(lines) if k in ("related", "popular") else "\n\n".join(lines))
    text += "\n\n".join(tail) + "\n"
    P.glued = glued
    return text


# ------------------------------------------------------------------ driver

def assign_topics(n_outlets):
    """Outlet j publishes topics j, j+1, ... (mod 7): balanced overall."""
    plan = []
    for j in range(n_outlets):
        plan.append([TOPICS[(j + k) % len(TOPICS)] for k in range(PAGES_PER_OUTLET)])
    return plan


def make_staff(rng):
    staff = {}
    for t in TOPICS:
        name = "%s %s" % (rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.SURNAMES))
        staff[t] = (name, rng.choice(outlet_parts.ROLE_TITLES[t]))
    staff["_editors"] = ["%s %s" % (rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.SURNAMES))
                         for _ in range(3)]
    return staff


def make_articles(outlet, topics, rng):
    tmods = {m.TOPIC: m for m in TOPIC_MODULES}
    arts, slugs = [], set()
    ty = curly if outlet["typo"] == "curly" else (lambda s: s)
    for topic in topics:
        a = compose(tmods[topic], rng)
        for k in ("title", "dek", "caption"):
            a[k] = ty(a[k]) if a[k] else a[k]
        a["paragraphs"] = [ty(p) for p in a["paragraphs"]]
        d = datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randint(0, 320))
        hh, mm = rng.randint(6, 21), rng.randint(0, 59)
        a["date"] = d
        a["date_s"] = fmt_date(d, hh, mm, outlet["date_fmt"])
        a["iso"] = "%sT%02d:%02d:00Z" % (d.isoformat(), hh, mm)
        words = slugify(a["title"])
        style = outlet["slug"]
        if style == "words-id":
            slug = "%s-%d" % (words, rng.randint(1000000, 9999999))
        elif style == "date-words":
            slug = "%s-%s" % (d.strftime("%Y%m%d"), words)
        elif style == "id-words":
            slug = "%d-%s" % (rng.randint(10 ** 7, 10 ** 8 - 1), words)
        elif style == "words-hash":
            slug = "%s-%06x" % (words, rng.randrange(16 ** 6))
        elif style == "words-num":
            slug = "%s-%d" % (words, rng.randint(10000, 99999))
        else:
            slug = words
        base, n = slug, 2
        while slug in slugs:
            slug, n = "%s-%d" % (base, n), n + 1
        slugs.add(slug)
        sec_slug, sec_label = outlet["sections"][topic]
        a.update(slug=slug, domain=outlet["domain"], section=sec_slug, section_label=sec_label,
                 url="https://%s/%s/%s" % (outlet["domain"], sec_slug, slug),
                 dek_shown=bool(a["dek"]) and rng.random() < outlet["dek_rate"])
        arts.append(a)
    return arts


def write_set(root, outlet_list, plan, txt_counts, gz_picks, rng):
    """Build, render and write one set of pages; return manifest rows + stats."""
    rows, stats = [], Counter()
    for j, outlet in enumerate(outlet_list):
        staff = make_staff(rng)
        arts = make_articles(outlet, plan[j], rng)
        txt_idx = set(rng.sample(range(len(arts)), txt_counts[j]))
        layout = getattr(layouts, "layout_" + outlet["layout"])
        for i, art in enumerate(arts):
            fmt = "txt" if i in txt_idx else "html"
            P = build_page(art, outlet, staff, arts, rng, fmt)
            if fmt == "txt":
                P.glue = stats["txt"] % 5 != 4     # 4 in 5 plain-text pages have glued chaff
                data = render_txt(P)
                stats["txt"] += 1
                stats["txt_glued"] += bool(P.glued)
            else:
                data = layout(P)
                stats["html"] += 1
                stats["html_inline_chaff"] += bool(P.inline_chaff)
            rel = "pages/%s/%s.%s" % (outlet["domain"], art["slug"], fmt)
            raw = data.encode("utf-8")
            if gz_picks.get(outlet["domain"]) == fmt:
                del gz_picks[outlet["domain"]]
                rel += ".gz"
                raw = gzip.compress(raw, compresslevel=9, mtime=0)
                stats["gz"] += 1
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(raw)
            rows.append({
                "id": "%s/%s" % (outlet["domain"], art["slug"]),
                "url": art["url"],
                "path": rel,
                "domain": outlet["domain"],
                "topic": art["topic"],
                "title": art["title"],
                "gold_text": "\n\n".join(art["paragraphs"]),
            })
    rows.sort(key=lambda r: r["id"])
    with open(os.path.join(root, "manifest.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
    return rows, stats


def report(name, rows, stats):
    print("== %s: %d pages" % (name, len(rows)))
    print("per topic:")
    for t, n in sorted(Counter(r["topic"] for r in rows).items()):
        print("  %-12s %3d" % (t, n))
    print("per outlet:")
    for d, n in sorted(Counter(r["domain"] for r in rows).items()):
        print("  %-30s %3d" % (d, n))
    fmts = Counter(re.sub(r"^.*?\.(html|txt)(\.gz)?$", r"\1\2", r["path"]) for r in rows)
    print("per format: " + ", ".join("%s=%d" % kv for kv in sorted(fmts.items())))
    if stats["html"]:
        print("html pages with chaff inside the body container: %d/%d" %
              (stats["html_inline_chaff"], stats["html"]))
    if stats["txt"]:
        print("txt pages with chaff glued to a content paragraph: %d/%d" %
              (stats["txt_glued"], stats["txt"]))


def main():
    rng = random.Random(2026)
    for sub in ("pages", "unseen"):
        shutil.rmtree(os.path.join(HERE, sub), ignore_errors=True)
    # Main set.
    outs = outlet_parts.OUTLETS
    plan = assign_topics(len(outs))
    txt_counts = [TXT_PER_OUTLET[j % 2] for j in range(len(outs))]
    # A handful of gzipped pages: the first page of the given format at these outlets.
    gz = {outs[1]["domain"]: "html", outs[4]["domain"]: "txt", outs[7]["domain"]: "html",
          outs[10]["domain"]: "txt", outs[12]["domain"]: "html"}
    rows, stats = write_set(HERE, outs, plan, txt_counts, gz, rng)
    report("main set (manifest.jsonl)", rows, stats)
    # Unseen outlets demo set.
    unseen = outlet_parts.UNSEEN_OUTLETS
    uplan = [TOPICS[0:4], TOPICS[3:7]]
    urows, ustats = write_set(os.path.join(HERE, "unseen"), unseen, uplan, [0, 1], {}, rng)
    report("unseen outlets (unseen/manifest.jsonl)", urows, ustats)


if __name__ == "__main__":
    main()
