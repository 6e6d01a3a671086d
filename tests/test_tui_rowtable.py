"""RowTable: the virtual table renders only what is visible and moves its cursor like a list."""


from textual.app import App, ComposeResult

from sitdash.tui.widgets.rowtable import Column, RowTable, Section, layout_columns

calls = {"n": 0}


def _text(row):
    calls["n"] += 1
    return row["text"]


COLUMNS = [
    Column("n", "No", 6, lambda r: str(r["n"]), justify="right"),
    Column("text", "Text", 10, _text, flex=True),
    Column("extra", "Extra", 12, lambda r: "extra", priority=1),
]


class TableApp(App):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows
        self.selected = []

    def compose(self) -> ComposeResult:
        yield RowTable(COLUMNS)

    def on_mount(self):
        table = self.query_one(RowTable)
        table.set_rows(self.rows)
        table.focus()

    def on_row_table_selected(self, event: RowTable.Selected):
        self.selected.append(event.row)


def _rows(n):
    return [{"n": i, "text": f"row {i}"} for i in range(n)]


def test_layout_drops_low_priority_columns_and_gives_spare_width_to_flex():
    wide = layout_columns(COLUMNS, 60)
    assert [(c.key, w) for c, w in wide] == [("n", 6), ("text", 40), ("extra", 12)]
    narrow = layout_columns(COLUMNS, 20)
    assert [c.key for c, _ in narrow] == ["n", "text"]
    assert sum(w for _, w in narrow) + 1 == 20


async def test_set_rows_is_cheap_and_renders_only_visible_rows():
    rows = _rows(200_000)
    app = TableApp([])
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(RowTable)
        calls["n"] = 0
        table.set_rows(rows)
        await pilot.pause()
        assert table.row_count == 200_000
        # One screenful of rows, not 200k: each visible row is read to compare what changed on
        # screen, to key its cached line, and once to draw it.
        assert calls["n"] <= 3 * 20
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor == 199_999
        assert table.scroll_y > 199_900


async def test_keys_move_the_cursor_and_enter_selects():
    app = TableApp(_rows(100))
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(RowTable)
        await pilot.press("j", "j", "down")
        assert table.cursor == 3
        await pilot.press("k", "up")
        assert table.cursor == 1
        await pilot.press("pagedown")
        assert table.cursor > 5
        await pilot.press("home")
        assert table.cursor == 0
        await pilot.press("up")
        assert table.cursor == 0
        await pilot.press("end", "down")
        assert table.cursor == 99
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [{"n": 99, "text": "row 99"}]


async def test_cursor_skips_section_rows():
    rows = [Section("day 1"), {"n": 1, "text": "a"}, Section("day 2"), {"n": 2, "text": "b"}]
    app = TableApp(rows)
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(RowTable)
        assert table.cursor == 1
        await pilot.press("j")
        assert table.cursor == 3
        await pilot.press("k")
        assert table.cursor == 1
        await pilot.press("k")
        assert table.cursor == 1


async def test_strings_render_literally_not_as_markup():
    rows = [{"n": 1, "text": "[bold red]x[/] [link=file:///etc/passwd]y[/link] \x1b[31mz"}]
    app = TableApp(rows)
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.pause()
        strip = app.query_one(RowTable).render_line(1)
        text = "".join(s.text for s in strip)
        assert "[bold red]x[/] [link=file:///etc/passwd]y[/link] z" in text
        assert all(not (s.style and s.style.link) for s in strip)


async def test_narrow_table_drops_columns_on_resize():
    app = TableApp(_rows(3))
    async with app.run_test(size=(80, 8)) as pilot:
        table = app.query_one(RowTable)
        assert [c.key for c, _ in table.visible_columns()] == ["n", "text", "extra"]
        await pilot.resize_terminal(22, 8)
        await pilot.pause()
        assert [c.key for c, _ in table.visible_columns()] == ["n", "text"]


async def test_new_rows_repaint_only_the_lines_that_changed():
    """Typing in a filter swaps the rows; lines that show the same thing are not redrawn."""
    rows = _rows(100)
    app = TableApp(rows)
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(RowTable)
        await pilot.pause()
        drawn: list[int] = []
        render_line = table.render_line
        table.render_line = lambda y: (drawn.append(y), render_line(y))[1]
        changed = list(rows)
        changed[4] = {"n": 4, "text": "row four, changed"}
        table.set_rows(changed)
        await pilot.pause()
        assert drawn == [5]  # the header is line 0, so row 4 is line 5
        assert "row four, changed" in "".join(
            s.text for s in table.render_line(5))
        drawn.clear()
        changed[2]["text"] = "row two, now with a note"  # same row, shown differently (a note)
        table.set_rows(changed)
        await pilot.pause()
        assert drawn == [3]
        drawn.clear()
        table.set_rows(changed[:60])  # fewer rows, the same ones on screen: nothing redrawn
        await pilot.pause()
        assert drawn == []
        assert table.row_count == 60
