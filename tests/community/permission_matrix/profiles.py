"""Due-diligence profiles: changing one's own organisation's, and seeing members-only contracts."""

from django.test import Client
from django.urls import reverse

from tests.community.permission_matrix.world import Action, Outcome, World

EMPTY_PROFILE_ROWS = {
    f"{kind}-{field}": "0"
    for kind in ("systems", "contracts", "practices")
    for field in ("TOTAL_FORMS", "INITIAL_FORMS")
}


def change_own_profile(client: Client, world: World) -> Outcome:
    organisation = world.profile.organisation
    response = client.post(
        reverse("knowledge:readiness_profile_edit", kwargs={"slug": organisation.slug}),
        {"competencies": "Changed", **EMPTY_PROFILE_ROWS},
    )
    world.profile.refresh_from_db()
    return response, world.profile.competencies == "Changed"


def see_members_only_contracts(client: Client, world: World) -> Outcome:
    organisation = world.profile.organisation
    response = client.get(
        reverse("knowledge:readiness_profile", kwargs={"slug": organisation.slug})
    )
    return response, "Secret revenues contract" in response.text


ACTIONS: dict[str, Action] = {
    "change own organisation's due-diligence profile": change_own_profile,
    "see members-only profile contracts": see_members_only_contracts,
}
# Answers 200 either way: what it shows is the test.
LISTINGS = {"see members-only profile contracts"}
