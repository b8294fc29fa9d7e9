import factory

from doingoai.organizations.choices import AgencyKind, Role
from doingoai.organizations.models import Agency, AgencyGroup, User


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    code = factory.Sequence(lambda n: f"CQ{n:03d}")
    name = factory.Sequence(lambda n: f"Cơ quan thử nghiệm số {n}")
    kind = AgencyKind.DEPARTMENT


class AgencyGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyGroup

    code = factory.Sequence(lambda n: f"NHOM{n:03d}")
    name = factory.Sequence(lambda n: f"Nhóm cơ quan số {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    last_name = "Nguyễn Văn"
    first_name = factory.Sequence(lambda n: f"Thử {n}")
    role = Role.AGENCY_OFFICER
    agency = factory.SubFactory(AgencyFactory)
    password = factory.django.Password("MatKhau@2026")
