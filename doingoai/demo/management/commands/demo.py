from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from doingoai.core.commands import ActingCommand
from doingoai.demo import cooperation, loaders


class Command(ActingCommand):
    help = "Load the demo instance of Tuyên Quang. Safe to run again: it only adds what is missing."

    def act(self, user, *args, **options):
        agencies = loaders.load_agencies()
        groups = loaders.load_agency_groups()
        logins = loaders.load_users()
        try:
            programmes = loaders.load_programmes(user)
            progress = loaders.load_progress(programmes, user)
            partners = cooperation.load_partners()
            mechanisms = cooperation.load_mechanisms()
            agreements = cooperation.load_agreements()
            exchanges = cooperation.load_exchanges()
            border = cooperation.load_border(user)
        except loaders.DemoDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Dữ liệu minh họa: thêm %(agencies)s cơ quan, %(groups)s nhóm cơ quan.")
            % {"agencies": agencies, "groups": groups}
        )
        for program in programmes.values():
            self.stdout.write(
                _("  %(program)s: %(tasks)s nhiệm vụ, %(targets)s chỉ tiêu")
                % {"program": str(program)[:90], "tasks": program.tasks.count(), "targets": program.targets.count()}
            )
        self.stdout.write(
            _(
                "  Tiến độ minh họa: thêm %(periods)s kỳ báo cáo, %(reports)s báo cáo, "
                "%(contributions)s ý kiến phối hợp, %(measurements)s số liệu."
            )
            % progress
        )
        self.stdout.write(
            _(
                "  Hợp tác: thêm %(partners)s đối tác, %(mechanisms)s cơ chế, %(meetings)s phiên họp, "
                "%(commitments)s nhận thức chung, %(agreements)s thỏa thuận quốc tế, %(delegations)s đoàn, "
                "%(conferences)s hội nghị quốc tế."
            )
            % {"partners": partners, "agreements": agreements, **mechanisms, **exchanges}
        )
        self.stdout.write(
            _(
                "  Kinh tế cửa khẩu: thêm %(gates)s cửa khẩu, %(trade)s dòng số liệu kim ngạch (số liệu minh họa), "
                "%(targets)s chỉ tiêu đo bằng kim ngạch."
            )
            % border
        )
        self.stdout.write("")
        self.stdout.write(_("Tài khoản minh họa (mật khẩu ban đầu; nếu đã đổi thì dùng mật khẩu mới):"))
        shown_roles = set()
        others = []
        for login in logins:
            account, password = login["user"], login["password"]
            if account.role in shown_roles:
                others.append(account.username)
                continue
            shown_roles.add(account.role)
            role = account.get_role_display()
            self.stdout.write(f"  {role:<24} {account.username:<12} {password:<15} {account.agency or ''}")
        if others:
            self.stdout.write(_("  Cán bộ các cơ quan khác (cùng mật khẩu): %(names)s") % {"names": ", ".join(others)})
