"""The demo bootstrap step: loads once, shows the real listed company's picture, the renamed vessel and the wallet
path, and does nothing the second time."""

from hramada.evasion import demo, selectors
from hramada.evasion.models import Dataset, ShipmentScreening


def test_demo_loads_once_and_shows_the_three_cases(lists):
    said = []
    demo.load(said.append)
    demo.load(said.append)
    assert Dataset.objects.count() == 5 and ShipmentScreening.objects.count() == 1
    assert selectors.entity_picture("ofac-32746").holdings  # Belaruskali's ownership picture
    assert selectors.find_vessels("DEMO NORTHERN STAR")[0].imo == "9187629"
    [path] = selectors.wallet_exposure(demo.demo_address("demo-customer"), currency="XBT").paths
    assert path.hops[0].sender == demo.LISTED_XBT
