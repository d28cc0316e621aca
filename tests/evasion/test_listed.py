"""The adapter reads the real OFAC rows: nodes with their authority, "Linked To" links, vessels by IMO with
their former names, listed wallets with checked addresses."""

from hramada.evasion import listed
from hramada.evasion.graph import LinkKind


def test_belaruskali_is_a_node_listed_by_ofac_and_found_by_its_registration_number(lists):
    data = listed.listed_data()
    assert data.resolve("ofac-32746") == "ofac-32746"
    assert data.resolve("reg:600122610") == "ofac-32746"
    assert data.nodes["ofac-32746"].listed_by == frozenset({"ofac"})


def test_linked_to_becomes_a_link_that_no_rule_counts(lists):
    links = [link for link in listed.listed_data().links if link.owned == "ofac-44541"]
    assert links and all(link.kind is LinkKind.LINK for link in links)  # Belavia's aircraft


def test_artavil_is_found_by_imo_with_its_former_name(lists):
    vessel = listed.listed_data().vessels["9187629"]
    assert "ALPHA" in vessel.names and "ARTAVIL" in vessel.names
    assert "572469210" in vessel.mmsi


def test_the_listed_bitcoin_address_passes_its_checksum(lists):
    wallets = [w for w in listed.listed_data().wallets if w.address == "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"]
    assert wallets and wallets[0].valid and wallets[0].holder == "ofac-25308"
