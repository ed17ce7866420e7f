"""Two shortcuts for the PDF book's time in WeasyPrint 70 / pydyf 0.13, which give the same pages.

Both replace a routine whose work grows faster than the book: the list of page references (asked
for by every tagged box) and chart text drawn one letter at a time (a text layout per letter).
"""
from __future__ import annotations


def cache_page_references() -> None:
    """Let pydyf build its list of page references once per page count, not once per call.

    WeasyPrint asks for that list for every tagged box (PDF/UA tagging), and pydyf rebuilds it each
    time: work that grows with pages times boxes. Pages are only ever appended, so a list kept until
    the count changes holds the same references."""
    import pydyf

    build = pydyf.PDF.page_references.fget
    if getattr(build, "cached", False):
        return

    def page_references(self):
        count = len(self.pages["Kids"])
        kept = self.__dict__.get("_page_references")
        if kept is None or kept[0] != count:
            kept = self._page_references = (count, build(self))
        return kept[1]
    page_references.cached = True
    pydyf.PDF.page_references = property(page_references)


def _one_position(node, name: str) -> bool:
    from weasyprint.svg.utils import normalize
    return len(normalize(node.attrib.get(name, "")).split()) <= 1


def plain_svg_text(svg, node) -> bool:
    """True for chart text placed as a whole: one position, no rotation, spacing or fitted length.

    That is every label Vega draws; anything else keeps WeasyPrint's letter-by-letter drawing."""
    return bool(node.text) and "rotate" not in node.attrib and "textLength" not in node.attrib \
        and all(_one_position(node, k) for k in ("x", "y", "dx", "dy")) \
        and not svg.length(node.get("letter-spacing"), 1)


def draw_svg_text_whole() -> None:
    """Draw plain SVG text (chart labels) as one run of glyphs instead of one layout per letter.

    WeasyPrint lays out and draws each letter of SVG text on its own, so that each may have its
    own position; a chart label has one position, and that work was a quarter of the PDF's time.
    The glyphs land where the letters did (one run also keeps the font's kerning)."""
    import importlib

    wsvg = importlib.import_module("weasyprint.svg")
    wtext = importlib.import_module("weasyprint.svg.text")   # the module, not its function of that name
    letterwise = wtext.text
    if getattr(letterwise, "whole", False):
        return

    def text(svg, node, font_size):
        if not plain_svg_text(svg, node):
            return letterwise(svg, node, font_size)
        return _draw_whole(svg, node, font_size)
    text.whole = True
    wtext.text = wsvg.text = text   # draw_node tells text nodes by this name: both must be the new one
    for tag in ("text", "tspan", "textPath"):
        if wsvg.TAGS.get(tag) is letterwise:
            wsvg.TAGS[tag] = text


def _style(svg, node, font_size):
    from weasyprint.css.properties import INITIAL_VALUES
    from weasyprint.svg.text import Style

    style = Style()
    style.update(INITIAL_VALUES)
    style.font_config = svg.font_config
    style["font_family"] = [font.strip("\"'") for font in node.get("font-family", "sans-serif").split(",")]
    style["font_style"] = node.get("font-style", "normal")
    style["font_size"] = font_size
    if node.get("direction") in ("ltr", "rtl"):
        style["direction"] = node.get("direction")
    weight = node.get("font-weight", 400)
    try:
        style["font_weight"] = {"normal": 400, "bold": 700}.get(weight) or int(weight)
    except ValueError:
        style["font_weight"] = 400
    return style


def _draw_whole(svg, node, font_size):
    """WeasyPrint's SVG text drawing (weasyprint/svg/text.py) for one positioned run."""
    from math import inf

    from weasyprint.draw.text import draw_emojis, draw_first_line
    from weasyprint.matrix import Matrix
    from weasyprint.svg.bounding_box import extend_bounding_box
    from weasyprint.svg.text import TextBox
    from weasyprint.svg.utils import normalize, size
    from weasyprint.text.line_break import split_first_line

    style = _style(svg, node, font_size)
    layout, _, _, width, height, baseline = split_first_line(node.text, style, svg.context, inf, 0)

    def first(name, whole):
        value = normalize(node.attrib.get(name, "")).strip()
        return size(value, font_size, whole) if value else None
    x, y = first("x", svg.inner_width), first("y", svg.inner_height)
    dx, dy = first("dx", svg.inner_width), first("dy", svg.inner_height)

    ascent, descent = font_size * .8, font_size * .2
    y_align, anchor = 0, node.get("display-anchor")
    baseline_name = node.get("dominant-baseline", node.get("alignment-baseline"))
    if anchor == "middle":
        y_align = -height / 2
    elif anchor == "bottom":
        y_align = -height
    elif anchor == "top":
        pass
    elif baseline_name in ("central", "middle"):
        y_align = (ascent + descent) / 2 - descent
    elif baseline_name in ("text-before-edge", "before_edge", "top", "hanging", "text-top"):
        y_align = ascent
    elif baseline_name in ("text-after-edge", "after_edge", "bottom", "text-bottom"):
        y_align = -descent

    if x:
        svg.cursor_d_position[0] = 0
    if y:
        svg.cursor_d_position[1] = 0
    svg.cursor_d_position[0] += dx or 0
    svg.cursor_d_position[1] += dy or 0
    x = svg.cursor_position[0] if x is None else x
    y = svg.cursor_position[1] if y is None else y
    svg.cursor_position = x + width, y
    x_position = x + svg.cursor_d_position[0]
    y_position = y + svg.cursor_d_position[1] + y_align
    node.text_bounding_box = extend_bounding_box(node.text_bounding_box, (
        (x_position, y_position - baseline), (x_position + width, y_position - baseline + height)))

    svg.stream.push_state()
    fill, stroke = svg.set_graphical_state(node, font_size)
    svg.stream.begin_text()
    layout.reactivate(style)
    svg.fill_stroke(fill, stroke, text=True)
    box = TextBox(layout, style)
    box.baseline = baseline
    emojis = draw_first_line(svg.stream, box, "none", "none", Matrix(a=1, d=-1, e=x_position, f=y_position))
    svg.stream.end_text()
    svg.stream.pop_state()
    draw_emojis(svg.stream, style, x, y, emojis)
