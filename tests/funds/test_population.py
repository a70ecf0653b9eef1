

def test_importing_a_population_table_registers_the_municipalities(db):
    from samverkan.directory.models import Organization
    from samverkan.funds.services import import_population

    import_population(b"municipality_code,municipality,date,population\n2080,Falun,2023-12-31,59986\n",
                      "folkmangd.csv")
    falun = Organization.objects.get(name="Falun")
    assert (falun.code, falun.kind) == ("2080", Organization.Kind.MUNICIPALITY)
