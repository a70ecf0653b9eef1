"""From an imported meeting, the people present become the body's members, by clicking, without the admin.

`make run` imports the sample archive: meetings with attendance lists, and no memberships at all. The
secretary opens the imported meeting with the longest attendance list, goes to its attendance page
(which no longer sends anyone to the admin), follows "Lägg till de närvarande som medlemmar", finds
everyone present listed and ticked with the organisation recorded at the meeting, unticks one invited
guest, and saves: the rest are members; the attendance page now lists them as members, present.
"""

import pytest
from django.db.models import Count
from playwright.sync_api import Page, expect

from samverkan.directory.models import Membership
from samverkan.language.dates import swedish_date
from samverkan.meetings.models import Meeting
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_people_present_at_an_imported_meeting_become_members(live_server, page: Page, sample_network,
                                                                   tmp_path):
    url = live_server.url
    network = sample_network
    meeting = (Meeting.objects.filter(body=network).annotate(present=Count("attendances"))
               .order_by("-present", "date").first())
    present = list(meeting.attendances.select_related("person", "organization").order_by("position"))
    assert len(present) >= 3 and not Membership.objects.exists()
    guest = present[-1]
    link = f"{network.display_name}, {swedish_date(meeting.date)}"

    with step(page, tmp_path, "1 sign in and open the imported meeting's attendance"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SAMPLE_SECRETARY)
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("region", name="Tidigare möten").get_by_role("link", name=link).click()
        page.get_by_role("navigation", name="Mötets steg").get_by_role("link", name="2. Närvaro").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Närvaro {swedish_date(meeting.date)}")
        expect(page.get_by_text("administrationen")).to_have_count(0)
        expect(page.get_by_role("link", name=f"Medlemmar i {network.display_name}")).to_be_visible()
        expect(page.get_by_text(f"{len(present)} av de närvarande är inte medlemmar")).to_be_visible()
        assert_controls_named(page)

    with step(page, tmp_path, "2 everyone present is listed, ticked, with the organisation of the meeting"):
        page.get_by_role("link", name="Lägg till de närvarande som medlemmar").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Lägg till de närvarande som medlemmar")
        boxes = page.get_by_role("checkbox")
        expect(boxes).to_have_count(len(present))
        for attendance in present:
            expect(page.get_by_role("checkbox", name=attendance.person.name, exact=True)).to_be_checked()
        first = present[0]
        if first.organization:
            expect(page.get_by_role("row").filter(has_text=first.person.name)).to_contain_text(
                first.organization.name)
        assert_controls_named(page)
        page.set_viewport_size({"width": 320, "height": 800})
        assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert_controls_named(page)
        page.set_viewport_size({"width": 1280, "height": 800})

    with step(page, tmp_path, "3 untick the guest and save: the others are members"):
        page.get_by_role("checkbox", name=guest.person.name, exact=True).uncheck()
        page.get_by_role("button", name="Lägg till de ikryssade som medlemmar").click()
        expect_message(page, f"{len(present) - 1} personer är medlemmar i {network.display_name}")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Medlemmar i {network.display_name}")
        current = page.get_by_role("region", name=f"Nuvarande medlemmar ({len(present) - 1})")
        expect(current.get_by_role("row")).to_have_count(len(present))  # the heading row and the members
        assert sorted(Membership.objects.filter(body=network).values_list("person__name", flat=True)) == sorted(
            a.person.name for a in present if a != guest)
        assert_controls_named(page)

    with step(page, tmp_path, "4 the attendance page lists them as members, present; the guest is left"):
        page.goto(f"{url}/sekretariat/moten/{meeting.pk}/narvaro/")
        expect(page.get_by_role("checkbox", name=first.person.name, exact=True)).to_be_checked()
        expect(page.get_by_text("1 av de närvarande är inte medlem i")).to_be_visible()
        page.get_by_role("link", name="Lägg till de närvarande som medlemmar").click()
        expect(page.get_by_role("checkbox")).to_have_count(1)
        expect(page.get_by_role("checkbox", name=guest.person.name, exact=True)).to_be_checked()
        assert_controls_named(page)
