import pytest

from employers.models import Job
from tests.factories.accounts import RegionFactory
from tests.factories.employers import ContactPersonFactory, EmployerFactory, JobFactory

from .conftest import problem_fields

pytestmark = pytest.mark.django_db


def test_employers_of_the_region_only(api, region, django_assert_max_num_queries):
    own = EmployerFactory.create_batch(5, region=region)
    foreign = EmployerFactory(region=RegionFactory(name="Elders"))
    with django_assert_max_num_queries(4):
        body = api.get("/api/v1/employers?pageSize=50").json()
    assert {e["uuid"] for e in body["results"]} == {str(e.uuid) for e in own}
    assert api.get(f"/api/v1/employers/{foreign.uuid}").status_code == 404


def test_create_employer_validation_and_success(api, region):
    bad = api.post("/api/v1/employers", {"kvkNumber": "12", "sector": "ruimtevaart", "sizeClass": "x"},
                   format="json")
    assert bad.status_code == 400
    assert {"name", "kvkNumber", "sector", "sizeClass"} <= set(problem_fields(bad))
    ok = api.post("/api/v1/employers", {"name": "Bakkerij Jansen", "kvkNumber": "12345678", "sector": "zorg",
                                        "sizeClass": "lt20"}, format="json")
    assert ok.status_code == 201, ok.json()
    assert ok.json()["region"] == region.name


def test_contact_persons(api, region):
    employer = EmployerFactory(region=region)
    ContactPersonFactory(employer=employer)
    ContactPersonFactory(employer=EmployerFactory(region=RegionFactory(name="Elders")))
    assert api.get("/api/v1/contact-persons").json()["count"] == 1
    created = api.post("/api/v1/contact-persons", {"employer": str(employer.uuid), "name": "Ria",
                                                   "email": "ria@example.nl", "isChampion": True}, format="json")
    assert created.status_code == 201, created.json()
    assert api.get(f"/api/v1/contact-persons?employer={employer.uuid}&isChampion=true").json()["count"] == 1


def test_job_with_tasks(api, region):
    employer = EmployerFactory(region=region)
    payload = {
        "employer": str(employer.uuid), "title": "Medewerker spoelkeuken", "kind": "gecreeerd",
        "creationMethod": "jobcarving", "sector": "zorg", "hoursPerWeek": "20", "hourlyWage": "14.71",
        "tasks": [{"description": "Vaat spoelen", "hoursPerWeek": "12"},
                  {"description": "Karren rijden", "hoursPerWeek": "8"}],
    }
    response = api.post("/api/v1/jobs", payload, format="json")
    assert response.status_code == 201, response.json()
    assert [t["description"] for t in response.json()["tasks"]] == ["Vaat spoelen", "Karren rijden"]
    job = Job.objects.get(uuid=response.json()["uuid"])
    assert job.tasks.count() == 2
    etag = response["ETag"]
    patched = api.patch(f"/api/v1/jobs/{job.uuid}", {"tasks": [{"description": "Alleen vaat", "hoursPerWeek": 20}]},
                        format="json", HTTP_IF_MATCH=etag)
    assert patched.status_code == 200, patched.json()
    assert [t["description"] for t in patched.json()["tasks"]] == ["Alleen vaat"]
    bad = api.post("/api/v1/jobs", {**payload, "creationMethod": "", "tasks": [{"hoursPerWeek": 99}]},
                   format="json")
    assert bad.status_code == 400
    assert {"tasks.0.description", "tasks.0.hoursPerWeek"} <= set(problem_fields(bad))


def test_job_filters(api, region):
    open_job = JobFactory(employer__region=region, status="open")
    JobFactory(employer__region=region, status="gesloten")
    body = api.get("/api/v1/jobs?status=open&ordering=-createdAt").json()
    assert [j["uuid"] for j in body["results"]] == [str(open_job.uuid)]
