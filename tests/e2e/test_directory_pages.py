"""The secretariat builds a new body and its members in a real browser, without the admin.

From the data `make run` gives (the sample archive: the network and the people its documents name,
no memberships), a secretary of the network who has no admin rights creates Välfärdsrådet, reads a
member list from an Excel file in which one e-mail address is wrong (the preview names the row and
the column, and nothing is saved until confirmed), saves the valid rows, adds one more member by
hand, and sees them all listed. Controls are found by their accessible names.
"""


import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from samverkan.directory.models import Body, Membership, Person
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)

SECRETARY = SAMPLE_SECRETARY
COUNCIL = "Välfärdsrådet"
BAD_ROW = 7
ALREADY_RECORDED = ["Agneta Haraldsson", "Anna Frisk", "Anna Ståhlkloo"]  # named in the sample archive
BY_HAND = "Annelie Granath"
MUNICIPALITIES = ["Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika", "Malung-Sälen",
                  "Mora", "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro", "Älvdalen"]


@pytest.fixture
def archive(sample_network):
    """What `make run` gives: the sample archive imported; and a secretary of the network, not staff."""
    network = sample_network
    secretary = network.secretaries.get()
    assert not (secretary.is_staff or secretary.is_superuser)
    assert not Membership.objects.exists()
    return network


def member_list(path) -> tuple[str, list[str]]:
    """An Excel file as exported from a council's address list: 30 rows, row 7 with a broken address."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Namn", "E-post", "Kommun", "Befattning"])
    names = ALREADY_RECORDED + [f"Ledamot {number:02d} Testsson" for number in range(1, 28)]
    for index, name in enumerate(names):
        row = sheet.max_row + 1
        address = name.lower().replace(" ", ".").translate(str.maketrans("åäö", "aao"))
        email = "anna.berg@" if row == BAD_ROW else f"{address}@dalarna.example"
        sheet.append([name, email, MUNICIPALITIES[index % len(MUNICIPALITIES)], "Socialchef"])
    workbook.save(path)
    bad_name = names[BAD_ROW - 2]
    return bad_name, [name for name in names if name != bad_name]


def test_the_secretariat_creates_a_body_and_its_members(live_server, page: Page, archive, tmp_path):
    url = live_server.url
    bad_name, saved_names = member_list(tmp_path / "valfardsradet.xlsx")

    with step(page, tmp_path, "1 sign in as a secretary without admin rights"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SECRETARY)
        expect(page.get_by_role("button", name=f"Logga ut {SECRETARY[0]}")).to_be_visible()
        expect(page.get_by_role("link", name="Administration")).to_have_count(0)

    with step(page, tmp_path, "2 create Välfärdsrådet"):
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name="Organ och medlemmar").click()
        expect(page.get_by_role("heading", name="Organ och medlemmar", level=1)).to_be_visible()
        assert_controls_named(page)
        page.get_by_role("link", name="Nytt organ").click()
        assert_controls_named(page)
        page.get_by_label("Namn", exact=True).fill(COUNCIL)
        page.get_by_role("button", name="Skapa organet").click()
        expect_message(page, f"{COUNCIL} är skapat. Du är dess sekreterare.")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Medlemmar i {COUNCIL}")
        expect(page.get_by_text("Organet har inga medlemmar.")).to_be_visible()
        council = Body.objects.get(name=COUNCIL)
        assert list(council.secretaries.values_list("username", flat=True)) == [SECRETARY[0]]

    with step(page, tmp_path, "3 read the member list: the preview names the broken row, nothing is saved"):
        page.get_by_role("link", name="Läs in medlemslista").click()
        assert_controls_named(page)
        page.get_by_label("Fil (CSV eller Excel)").set_input_files(str(tmp_path / "valfardsradet.xlsx"))
        page.get_by_role("button", name="Granska listan").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Granska medlemslistan")
        assert_controls_named(page)
        expect(page.get_by_role("alert")).to_contain_text(
            f"Rad {BAD_ROW}, kolumnen E-post: ”anna.berg@” är ingen e-postadress.")
        rows = page.get_by_role("region", name="Raderna").get_by_role("row")
        expect(rows).to_have_count(31)
        expect(rows.filter(has_text=ALREADY_RECORDED[0])).to_contain_text("Befintlig person")
        expect(rows.filter(has_text="Ledamot 01 Testsson")).to_contain_text("Ny person")
        expect(rows.filter(has_text=bad_name)).to_contain_text("Sparas inte")
        assert not council.memberships.exists()
        assert not Person.objects.filter(name="Ledamot 01 Testsson").exists()

    with step(page, tmp_path, "4 confirm: the valid rows are saved"):
        page.get_by_role("button", name="Spara 29 medlemmar").click()
        expect_message(page, f"29 medlemmar är tillagda i {COUNCIL}, varav 26 nya personer.")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Medlemmar i {COUNCIL}")
        assert sorted(council.memberships.values_list("person__name", flat=True)) == sorted(saved_names)

    with step(page, tmp_path, "5 add one member by hand"):
        page.get_by_role("link", name="Lägg till medlem").click()
        assert_controls_named(page)
        existing = page.get_by_role("region", name="Befintlig person")
        existing.get_by_label("Person", exact=True).fill(BY_HAND)
        existing.get_by_label("Organisation").fill("Region Dalarna")
        existing.get_by_label("Roll").fill("Ordförande")
        existing.get_by_role("button", name="Lägg till medlemmen").click()
        expect_message(page, f"{BY_HAND} är medlem i {COUNCIL}.")

    with step(page, tmp_path, "6 all of them are listed"):
        current = page.get_by_role("region", name="Nuvarande medlemmar (30)")
        expect(current.get_by_role("row")).to_have_count(31)  # the heading row and 30 members
        assert_controls_named(page)
        expect(current.get_by_role("row").filter(has_text=BY_HAND)).to_contain_text("Region Dalarna")
        expect(current.get_by_role("row").filter(has_text=BY_HAND)).to_contain_text("Ordförande")
        first = current.get_by_role("row").filter(has_text="Ledamot 01 Testsson")
        expect(first).to_contain_text("ledamot.01.testsson@dalarna.example")
        expect(first).to_contain_text("tills vidare")
        expect(current).not_to_contain_text(bad_name)

    with step(page, tmp_path, "7 the admin stays closed to the secretary"):
        page.goto(f"{url}/admin/")
        expect(page.get_by_role("link", name=BY_HAND)).to_have_count(0)
        assert "/admin/login/" in page.url
