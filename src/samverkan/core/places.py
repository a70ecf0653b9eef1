"""Municipalities of Dalarnas län with Statistics Sweden's codes (kommunkoder, county 20).

Pure data, no Django: the document reader and the directory both use it.
"""

DALARNA_MUNICIPALITIES = {
    "Vansbro": "2021",
    "Malung-Sälen": "2023",
    "Gagnef": "2026",
    "Leksand": "2029",
    "Rättvik": "2031",
    "Orsa": "2034",
    "Älvdalen": "2039",
    "Smedjebacken": "2061",
    "Mora": "2062",
    "Falun": "2080",
    "Borlänge": "2081",
    "Säter": "2082",
    "Hedemora": "2083",
    "Avesta": "2084",
    "Ludvika": "2085",
}

REGION_DALARNA = "Region Dalarna"
