#!/usr/bin/env python3
"""Writes the MADE-UP sample figures for Den Helder's sample areas in the exact layout of CBS "Kerncijfers wijken en
buurten": the StatLine CSV export (';', decimal comma, space-padded codes, '.' for missing) for 2023 (85618NED) and
2024 (85984NED), and the OData TypedDataSet + DataProperties JSON for 2025 (86165NED, test fixture only).
Column numbers differ per year as in the real tables. Run from the repository root; output is committed."""
import json, random, os

OUT = 'src/Wijkbeeld/Features/Profile/SampleData'
TEST = 'tests/Wijkbeeld.Tests/TestData/Profile'
areas = json.load(open('src/Wijkbeeld/Features/Areas/SampleData/den-helder-areas.geojson'))['features']
wijken = [(f['properties']['wijkcode'], f['properties']['wijknaam']) for f in areas if 'buurtcode' not in f['properties']]
buurten = [(f['properties']['buurtcode'], f['properties']['buurtnaam'], f['properties']['wijkcode']) for f in areas if 'buurtcode' in f['properties']]

# (key, title, unit, decimals, datatype, description)
TOPICS = [
    ('AantalInwoners', 'Aantal inwoners', 'aantal', 0, 'Long', 'Het aantal inwoners op 1 januari.'),
    ('Mannen', 'Mannen', 'aantal', 0, 'Long', 'Aantal mannen op 1 januari.'),
    ('Vrouwen', 'Vrouwen', 'aantal', 0, 'Long', 'Aantal vrouwen op 1 januari.'),
    ('k_0Tot15Jaar', '0 tot 15 jaar', 'aantal', 0, 'Long', 'Inwoners van 0 tot 15 jaar.'),
    ('k_15Tot25Jaar', '15 tot 25 jaar', 'aantal', 0, 'Long', 'Inwoners van 15 tot 25 jaar.'),
    ('k_65JaarOfOuder', '65 jaar of ouder', 'aantal', 0, 'Long', 'Inwoners van 65 jaar of ouder.'),
    ('HuishoudensTotaal', 'Huishoudens totaal', 'aantal', 0, 'Long', 'Aantal particuliere huishoudens.'),
    ('GemiddeldeHuishoudensgrootte', 'Gemiddelde huishoudensgrootte', 'aantal', 2, 'Double', 'Gemiddeld aantal personen per huishouden.'),
    ('Bevolkingsdichtheid', 'Bevolkingsdichtheid', 'aantal inwoners per km²', 0, 'Long', 'Inwoners per km² land.'),
    ('Woningvoorraad', 'Woningvoorraad', 'aantal', 0, 'Long', 'Aantal woningen op 1 januari.'),
    ('GemiddeldeWOZWaardeVanWoningen', 'Gemiddelde WOZ-waarde van woningen', 'x 1 000 euro', 0, 'Long', 'Gemiddelde WOZ-waarde van woningen.'),
    ('Koopwoningen', 'Koopwoningen', '%', 0, 'Long', 'Percentage koopwoningen.'),
    ('GemiddeldInkomenPerInwoner', 'Gemiddeld inkomen per inwoner', 'x 1 000 euro', 1, 'Double', 'Gemiddeld persoonlijk inkomen per inwoner.'),
    ('HuishoudensMetEenLaagInkomen', 'Huishoudens met een laag inkomen', '%', 1, 'Double', 'Percentage huishoudens met een laag inkomen.'),
    ('PersonenPerSoortUitkeringBijstand', 'Personen met bijstand', 'aantal', 0, 'Long', 'Aantal personen met een bijstandsuitkering.'),
]
TEXT_AFTER = [('MeestVoorkomendePostcode', 'Meest voorkomende postcode'), ('Dekkingspercentage', 'Dekkingspercentage')]
# First topic number per table: the numbers shift between years, like CBS's.
FIRST = {2023: 5, 2024: 5, 2025: 6}
GAP = {2023: {'GemiddeldInkomenPerInwoner': 78}, 2024: {'GemiddeldInkomenPerInwoner': 83}, 2025: {'GemiddeldInkomenPerInwoner': 85}}
TABLE = {2023: '85618NED', 2024: '85984NED', 2025: '86165NED'}

def numbered(year):
    n = FIRST[year]; keys = []
    for t in TOPICS:
        n = max(n, GAP[year].get(t[0], 0)); keys.append(f'{t[0]}_{n}'); n += 1
    extra = [f'{k}_{n + i}' for i, (k, _) in enumerate(TEXT_AFTER)]
    return keys, extra

random.seed(400)
base = {}
for code, name, wk in buurten:
    small = code in ('BU04000701',)  # Vliegveld De Kooy: hardly anyone lives there -> CBS suppresses most figures
    pop = random.randint(40, 60) if small else random.randint(900, 3600)
    base[code] = dict(pop=pop, young=random.uniform(.12, .2), teen=random.uniform(.09, .14), old=random.uniform(.16, .32),
                      hh=random.uniform(1.8, 2.4), dens=random.randint(1200, 6500), woz=random.randint(170, 340),
                      koop=random.randint(25, 80), inc=random.uniform(23.5, 33), low=random.uniform(4, 15),
                      bijst=random.uniform(.01, .05), small=small, pc=f'178{random.randint(1,9)}')

def row(year, pop, young, teen, old, hh, dens, woz, koop, inc, low, bijst, small):
    g = 1 + (year - 2023) * 0.004
    p = round(pop * g); men = round(p * .495)
    hhs = round(p / hh)
    v = [p, men, p - men, round(p * young), round(p * teen), round(p * old), hhs, round(hh, 2), round(dens * g),
         round(hhs * 1.05), round(woz * (1 + (year - 2023) * .06)), koop, round(inc * (1 + (year - 2023) * .04), 1),
         round(low * (1 - (year - 2023) * .03), 1), round(p * bijst)]
    if small:  # privacy: CBS shows '.' for small numbers
        v = [round(pop/5)*5, '.', '.', '.', '.', '.', '.', '.', '.', '.', '.', '.', '.', '.', '.']
    return v

def rows(year):
    out = []
    def agg(codes):
        ps = [row(year, **{k: v for k, v in base[c].items() if k != 'pc'}) for c in codes]
        ps = [p for p, c in zip(ps, codes) if not base[c]['small']]
        tot = [sum(p[i] for p in ps) for i in range(7)]
        w = lambda i: sum(p[i] * p[0] for p in ps) / tot[0]
        return tot + [round(tot[0] / tot[6], 2), round(w(8)), sum(p[9] for p in ps), round(w(10)), round(w(11)),
                      round(w(12), 1), round(w(13), 1), sum(p[14] for p in ps)]
    nl = {2023: 17811291, 2024: 17942942, 2025: 18044027}[year]
    out.append(('NL00', 'Nederland', 'Land', 'NL00', [nl, round(nl*.497), nl - round(nl*.497), round(nl*.157), round(nl*.12),
               round(nl*.202), round(nl/2.11), 2.11, 529 + (year-2023)*4, round(nl/2.11*1.03), {2023: 355, 2024: 374, 2025: 392}[year], 57,
               {2023: 34.4, 2024: 36.1, 2025: 37.6}[year], {2023: 7.6, 2024: 7.2, 2025: 7.0}[year], round(nl*.023)], '.'))
    out.append(('GM0400', 'Den Helder', 'Gemeente', 'GM0400', agg([b[0] for b in buurten]), '.'))
    for wk, wn in wijken:
        out.append((wk, wn, 'Wijk', wk, agg([b[0] for b in buurten if b[2] == wk]), '.'))
        for code, name, w in buurten:
            if w == wk:
                out.append((code, name, 'Buurt', code, row(year, **{k: v for k, v in base[code].items() if k != 'pc'}), base[code]['pc']))
    return out

def fmt(v):
    if v == '.': return '.'
    if isinstance(v, float): return f'{v}'.replace('.', ',')
    return str(v)

def write_csv(year, path):
    keys, extra = numbered(year)
    header = ['ID', 'WijkenEnBuurten', 'Gemeentenaam_1', 'SoortRegio_2', 'Codering_3', 'IndelingswijzigingWijkenEnBuurten_4'] + keys + extra
    if year == 2025: header[5] = 'IndelingswijzigingWijkenEnBuurten_5'; header[4] = 'Codering_4'; header.insert(4, 'SoortRegio_3')
    lines = [';'.join(f'"{h}"' for h in header)]
    for i, (code, name, soort, cod, values, pc) in enumerate(rows(year)):
        cells = [str(i), code.ljust(10), 'Den Helder'.ljust(50) if code != 'NL00' else 'Nederland'.ljust(50), soort.ljust(10), cod.ljust(10), '1' if code.startswith('BU') else '.']
        cells += [fmt(v).rjust(8) for v in values] + [pc.ljust(6) if code.startswith('BU') else '.', '1' if code.startswith('BU') else '.']
        lines.append(';'.join(f'"{c}"' for c in cells))
    open(path, 'w', encoding='utf-8', newline='\r\n').write('\n'.join(lines) + '\n')

write_csv(2023, f'{OUT}/85618NED-den-helder-2023.csv')
write_csv(2024, f'{OUT}/85984NED-den-helder-2024.csv')

# OData v3 shape for 2025: TypedDataSet (numbers as JSON numbers, null for missing) and DataProperties.
keys, extra = numbered(2025)
values = []
for i, (code, name, soort, cod, vals, pc) in enumerate(rows(2025)):
    rec = {'ID': i, 'WijkenEnBuurten': code.ljust(10), 'Gemeentenaam_1': ('Den Helder' if code != 'NL00' else 'Nederland').ljust(50),
           'SoortRegio_2': soort.ljust(10), 'Codering_3': cod.ljust(10), 'IndelingswijzigingWijkenEnBuurten_4': '1' if code.startswith('BU') else '.'}
    for k, v in zip(keys, vals): rec[k] = None if v == '.' else v
    rec[extra[0]] = pc.ljust(6) if code.startswith('BU') else '.'
    rec[extra[1]] = '1' if code.startswith('BU') else '.'
    values.append(rec)
# the 2025 JSON keeps its own numbering: region columns _1.._4, topics from _6
json.dump({'odata.metadata': 'https://opendata.cbs.nl/ODataApi/OData/86165NED/$metadata#Cbs.OData.WebAPI.TypedDataSet', 'value': values},
          open(f'{TEST}/86165NED-TypedDataSet.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
props = [{'odata.type': 'Cbs.OData.WebAPI.GeoDimension', 'ID': 0, 'Position': 0, 'ParentID': None, 'Type': 'GeoDimension',
          'Key': 'WijkenEnBuurten', 'Title': 'Wijken en buurten', 'Description': None, 'Kind': 'Region'},
         {'odata.type': 'Cbs.OData.WebAPI.TopicGroup', 'ID': 1, 'Position': None, 'ParentID': None, 'Type': 'TopicGroup', 'Key': '', 'Title': 'Regioaanduiding', 'Description': None}]
for i, k in enumerate(['Gemeentenaam_1', 'SoortRegio_2', 'Codering_3', 'IndelingswijzigingWijkenEnBuurten_4']):
    props.append({'odata.type': 'Cbs.OData.WebAPI.Topic', 'ID': 2 + i, 'Position': 1 + i, 'ParentID': 1, 'Type': 'Topic', 'Key': k,
                  'Title': k.rsplit('_', 1)[0], 'Description': None, 'Datatype': 'String', 'Unit': '', 'Decimals': 0, 'Default': 'Missing', 'PresentationType': 'Absolute'})
for i, (k, t) in enumerate(zip(keys, TOPICS)):
    props.append({'odata.type': 'Cbs.OData.WebAPI.Topic', 'ID': 10 + i, 'Position': 10 + i, 'ParentID': None, 'Type': 'Topic', 'Key': k,
                  'Title': t[1], 'Description': t[5], 'ReleasePolicy': False, 'Datatype': t[4], 'Unit': t[2], 'Decimals': t[3],
                  'Default': 'Impossible', 'PresentationType': 'Absolute'})
for i, (k, (_, t)) in enumerate(zip(extra, TEXT_AFTER)):
    props.append({'odata.type': 'Cbs.OData.WebAPI.Topic', 'ID': 40 + i, 'Position': 40 + i, 'ParentID': None, 'Type': 'Topic', 'Key': k,
                  'Title': t, 'Description': None, 'Datatype': 'String', 'Unit': '', 'Decimals': 0, 'Default': 'Missing', 'PresentationType': 'Absolute'})
json.dump({'odata.metadata': 'https://opendata.cbs.nl/ODataApi/OData/86165NED/$metadata#Cbs.OData.WebAPI.DataProperties', 'value': props},
          open(f'{TEST}/86165NED-DataProperties.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)

# Own indicators (care use per wijk), made up: area code, indicator, year, value, unit, source.
random.seed(401)
lines = ['gebiedscode;indicator;jaar;waarde;eenheid;bron']
for year in (2023, 2024):
    for wk, wn in wijken:
        for ind, lo, hi in (('Wmo-cliënten', 40, 95), ('Jongeren met jeugdzorg', 55, 130), ('Huishoudens in schuldhulp', 8, 45)):
            lines.append(f'{wk};{ind};{year};{random.randint(lo, hi) * 10 // 10};per 1.000 inwoners;Gemeente Den Helder, sociaal domein (voorbeeld)')
open(f'{OUT}/eigen-indicatoren-den-helder.csv', 'w', encoding='utf-8', newline='\r\n').write('\n'.join(lines) + '\n')
