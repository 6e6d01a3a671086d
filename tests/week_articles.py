"""A week of reporting, written for these tests in the shapes of real copy (wire stories,
rewrites of them, briefings, a governor on Telegram, state media), about Russian forces leaving
the area around Kyiv at the end of March 2022. Outlets other than TASS are made up.

What an analyst would find in it, and the tests check:
- one withdrawal from the Kyiv area, told by five outlets in different words (a reposition, a
  withdrawal, a pull-back, a regrouping, "completed"), with partial overlaps (Kyiv, Hostomel,
  the western outskirts) and sizes that disagree ("about 1,000" from the Pentagon's official,
  "some 3,000" from Ukraine's General Staff);
- the same from around Chernihiv, an oblast of its own;
- a withdrawal from around Sumy the same week, near in time and space, that is another
  development; a Wagner pull-out from Hostomel, another force; Russian reinforcements sent to
  Bucha, the other direction;
- Russia's announcement that it would reduce activity around Kyiv and Chernihiv (a wire story and
  a rewrite of it), and shelling of Chernihiv and of Kyiv's outskirts reported after it;
- the Pentagon calling the move "a repositioning, not a withdrawal";
- things that must not pair: shelling of Irpin the day before the announcement, Ukrainian
  artillery firing near Chernihiv, a strike on Lviv, a UN call for a ceasefire near Mariupol.
"""

from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "a1_northline_fomin.md": """---
title: Russia says it will scale down near Kyiv
outlet: Northline Wire
published: 2022-03-29
---
ISTANBUL, March 29 (Reuters) - Russia's deputy defence minister Alexander Fomin said on \
Tuesday that Moscow would drastically reduce military activity around Kyiv and Chernihiv to \
build trust before further talks.

Ukrainian negotiators in Istanbul said they had put forward proposals for a neutral status \
backed by security guarantees.
""",
    "a2_harbour_fomin.md": """---
title: Moscow to cut back near Kyiv, Chernihiv
outlet: Harbour Daily
published: 2022-03-29
---
Moscow will sharply cut back military activity near Kyiv and Chernihiv, Russian Deputy \
Defence Minister Alexandr Fomin told reporters in Istanbul on Tuesday, Reuters reported.

Western officials reacted with caution to the announcement from the talks.
""",
    "a3_tribune_kirby.md": """---
title: Pentagon sees Russian repositioning
outlet: Capital Tribune
published: 2022-03-30
---
Pentagon spokesman John Kirby said on Wednesday that Russia had begun to reposition less \
than 20% of the forces it had arrayed around Kyiv.

"It's a repositioning, not a withdrawal," Kirby told reporters at the briefing.

The Pentagon spokesman said some of those units had pulled back toward Belarus.

A senior U.S. defense official said Russian forces were still shelling the outskirts of Kyiv \
on Wednesday.
""",
    "a4_kyivmorning_chaus.md": """---
title: Chernihiv shelled through the night
outlet: Kyiv Morning
published: 2022-03-30
---
The regional governor of Chernihiv, Vyacheslav Chaus, said the city had been shelled \
throughout the night on Wednesday.

Chaus wrote on Telegram that Russian artillery had hit residential districts of Chernihiv, \
killing two people.

"Nobody here believes these promises of de-escalation," he said.
""",
    "a5_easternpost_official.md": """---
title: Russian troops withdrawing from Kyiv area, US says
outlet: Eastern Post
published: 2022-03-31
---
Russian troops are withdrawing from the area around Kyiv, a senior US Defence official said \
on Thursday.

About 1,000 Russian troops pulled back from the Kyiv region into Belarus in the past day, \
the official said.
""",
    "a6_kyivmorning_genstaff.md": """---
title: Irpin retaken as Russians pull back
outlet: Kyiv Morning
published: 2022-04-01
---
Ukrainian forces have retaken Irpin and several nearby villages after Russian troops withdrew \
from the western outskirts of Kyiv, Ukraine's General Staff said on Friday.

Some 3,000 Russian soldiers pulled back from Hostomel toward Belarus on Thursday, the General \
Staff said.

Ukrainian artillery struck Russian positions near Chernihiv on Thursday, the General Staff \
added.
""",
    "a7_tass_regrouping.md": """---
title: Defence ministry on regrouping
outlet: TASS
published: 2022-04-01
---
Russian troops are carrying out a planned regrouping near Kyiv and Chernihiv, the Russian \
Defence Ministry said on Friday.

The ministry said the main goal of the operation remained the liberation of Donbas.
""",
    "a8_tribune_completed.md": """---
title: Russian withdrawal from Kyiv complete, Pentagon says
outlet: Capital Tribune
published: 2022-04-06
---
The Pentagon said on Wednesday that Russian forces had completed their withdrawal from the \
area around Kyiv and Chernihiv.

Wagner Group fighters also pulled out of Hostomel last week, a senior US defense official said.
""",
    "a9_easternpost_sumy.md": """---
title: Russians leave Sumy region towns
outlet: Eastern Post
published: 2022-04-02
---
Russian forces withdrew from around Sumy and Trostianets on Saturday and retreated toward the \
border, regional governor Dmytro Zhyvytskyi said.
""",
    "b1_harbour_other.md": """---
title: Elsewhere in the war
outlet: Harbour Daily
published: 2022-03-28
---
Russian shelling hit Irpin on Monday, the town's mayor said.

Russian reinforcements were deployed to Bucha on Monday, a Ukrainian military source said.

Russian missiles struck a fuel depot in Lviv on Monday, the regional governor said.

The United Nations called for a ceasefire around Mariupol on Monday.
""",
}


def write_articles(folder: Path, names: list[str] | None = None) -> list[Path]:
    """Write the articles (all, or those named) into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names or sorted(ARTICLES):
        path = folder / name
        path.write_text(ARTICLES[name], encoding="utf-8")
        paths.append(path)
    return paths
