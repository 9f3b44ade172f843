"""A campaign: its results per channel as a chart (reached, responded, converted), the figures
(revenue, cost per response, ROI), the member list with who was left out and why, and the
actions — start, queue the e-mails, the SMS file, copy-ready texts, the Excel report."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.models.enums import (
    CampaignStatus,
    Channel,
    LeftOutReason,
    MemberStatus,
    ResponseKind,
)
from crmdesk.services import campaigns, outbox, touches
from crmdesk.services.campaigns import CampaignResults, MemberRow
from crmdesk.services.changes import Changes
from crmdesk.views.campaigns.campaign_dialog import CampaignDialog
from crmdesk.views.campaigns.post_view import PostView
from crmdesk.views.campaigns.touches_view import TouchesView
from crmdesk.views.campaigns.undoable import Undoable
from crmdesk.views.shell.vocabulary import enum_text, value_text
from crmdesk.views.widgets.fields import KindCombo


def _money(value: Decimal | None) -> str:
    return "–" if value is None else f"{value:,.2f}"


class CampaignView(QWidget):
    def __init__(self, writer: Undoable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._bus, self._writer = writer.db, writer.bus, writer
        bus = writer.bus
        self.results: CampaignResults | None = None
        self.members: list[MemberRow] = []
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("campaign_chooser")
        self.new_button = QPushButton(self.tr("New campaign…"), self)
        self.start_button = QPushButton(self.tr("Start"), self)
        self.queue_button = QPushButton(self.tr("Queue e-mails"), self)
        self.sms_button = QPushButton(self.tr("SMS file…"), self)
        self.copy_button = QPushButton(self.tr("Copy WeChat texts"), self)
        self.report_button = QPushButton(self.tr("Excel report…"), self)
        self.figures = QLabel(self)
        self.figures.setObjectName("campaign_figures")
        self.figures.setWordWrap(True)
        self.figures.setMinimumWidth(200)
        self.message = QLabel(self)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(200)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("members_table")
        self.table.setHorizontalHeaderLabels([self.tr("Member"), self.tr("Channel"),
                                              self.tr("Status"), self.tr("Left out because"),
                                              self.tr("Response")])  # fmt: skip
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        for column, width in enumerate((220, 110, 110, 200)):
            self.table.setColumnWidth(column, width)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.response = KindCombo(ResponseKind, self)
        self.response.setObjectName("response_kind")
        self.response.set_value(ResponseKind.INTERESTED)
        self.response_button = QPushButton(self.tr("Record response"), self)
        self.response_button.setObjectName("record_response")
        self.response_button.clicked.connect(self.record_response)
        self.touches = TouchesView(writer, self)
        self.post = PostView(self._db, self)
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.new_button)
        bar = QHBoxLayout()
        for button in (self.start_button, self.queue_button, self.sms_button, self.copy_button,
                       self.report_button):  # fmt: skip
            bar.addWidget(button)
        bar.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.chart_view)
        split.addWidget(self._lower_tabs())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.figures)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.chooser.currentIndexChanged.connect(self.show_campaign)
        self.new_button.clicked.connect(self.new_campaign)
        self.start_button.clicked.connect(self.start)
        self.queue_button.clicked.connect(self.queue_emails)
        self.sms_button.clicked.connect(self.sms_file)
        self.copy_button.clicked.connect(self.copy_texts)
        self.report_button.clicked.connect(self.excel_report)
        bus.changed.connect(self._on_changed)
        self.reload()

    def _lower_tabs(self) -> QTabWidget:
        """Members (with a response to record), the touches to do, and the post."""
        members = QWidget(self)
        answer = QHBoxLayout()
        answer.addWidget(QLabel(self.tr("Selected members answered:"), members))
        answer.addWidget(self.response)
        answer.addWidget(self.response_button)
        answer.addStretch(1)
        column = QVBoxLayout(members)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.table, 1)
        column.addLayout(answer)
        post = QWidget(self)
        post_column = QVBoxLayout(post)
        post_column.addWidget(self.post)
        post_column.addStretch(1)
        self.lower_tabs = QTabWidget(self)
        self.lower_tabs.addTab(members, self.tr("Members"))
        self.lower_tabs.addTab(self.touches, self.tr("Touches to do"))
        self.lower_tabs.addTab(post, self.tr("Post"))
        return self.lower_tabs

    def _on_changed(self, changes: Changes) -> None:
        kinds = ("campaigns", "segments", "outbox", "activities", "call_lists")
        if any(changes.ids(kind) for kind in kinds):
            self.reload()

    def campaign_id(self) -> uuid.UUID | None:
        data = self.chooser.currentData()
        return data if isinstance(data, uuid.UUID) else None

    @Slot()
    def reload(self) -> None:
        chosen = self.campaign_id()
        with self._db.reading() as session:
            found = campaigns.list_campaigns(session)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for info in found:
            self.chooser.addItem(f"{info.name} · {enum_text(info.status)}", info.id)
        self.chooser.setCurrentIndex(max(self.chooser.findData(chosen), 0) if chosen else 0)
        self.chooser.blockSignals(False)
        self.show_campaign()

    @Slot()
    def show_campaign(self) -> None:
        campaign_id = self.campaign_id()
        self.results, self.members = None, []
        if campaign_id is not None:
            with self._db.reading() as session:
                self.results = campaigns.results(session, campaign_id)
                self.members = campaigns.members(session, campaign_id)
        running = self.results is not None and self.results.campaign.status != CampaignStatus.DRAFT
        self.start_button.setEnabled(self.results is not None and not running)
        for button in (self.queue_button, self.sms_button, self.copy_button, self.report_button,
                       self.response_button):  # fmt: skip
            button.setEnabled(running)
        self._fill_figures()
        self._fill_chart()
        self._fill_members()
        channels = self.results.campaign.channels if running and self.results else ()
        self.touches.set_campaign(campaign_id if running else None, channels)
        self.post.set_campaign(campaign_id if running else None)

    def _fill_figures(self) -> None:
        r = self.results
        if r is None:
            self.figures.setText(self.tr("No campaign yet: press New campaign… to make one."))
            return
        t = r.total
        roi = "–" if t.roi is None else f"{t.roi * 100:.1f} %"
        self.figures.setText(
            self.tr("Segment: %1 · members %2, left out %3 · reached %4 · responded %5 · "
                    "converted %6 · revenue %7 · cost per response %8 · ROI %9")
            .replace("%1", r.campaign.segment or "–").replace("%2", str(t.members))
            .replace("%3", str(r.left_out)).replace("%4", str(t.reached))
            .replace("%5", str(t.responded)).replace("%6", str(t.converted))
            .replace("%7", _money(t.revenue)).replace("%8", _money(t.cost_per_response))
            .replace("%9", roi)
        )  # fmt: skip

    def _fill_chart(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.setTitle(self.tr("Results per channel"))
        if self.results is None or not self.results.channels:
            return
        series = QBarSeries(self.chart)
        names = (self.tr("Members"), self.tr("Reached"), self.tr("Responded"),
                 self.tr("Converted"))  # fmt: skip
        sets = [QBarSet(n) for n in names]
        for r in self.results.channels:
            for bar, value in zip(sets, (r.members, r.reached, r.responded, r.converted),
                                  strict=True):  # fmt: skip
                bar.append(value)
        for bar in sets:
            series.append(bar)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis(self.chart)
        categories.append([value_text(Channel, r.channel) or "–" for r in self.results.channels])
        values = QValueAxis(self.chart)
        values.setLabelFormat("%d")
        values.setMin(0)
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)

    def _fill_members(self) -> None:
        self.table.setRowCount(len(self.members))
        for i, m in enumerate(self.members):
            values = (m.name, enum_text(m.channel) if m.channel else "", enum_text(m.status),
                      enum_text(m.reason) if m.reason else "",
                      enum_text(m.response) if m.response else "")  # fmt: skip
            for column, value in enumerate(values):
                self.table.setItem(i, column, QTableWidgetItem(value))

    # -- actions ---------------------------------------------------------------------------------

    @Slot()
    def new_campaign(self) -> CampaignDialog:
        dialog = CampaignDialog(self._writer, self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    @Slot()
    def start(self) -> None:
        campaign_id = self.campaign_id()
        if campaign_id is None:
            return

        def run(session: Session) -> tuple[campaigns.StartResult, int]:
            started = campaigns.start_campaign(session, campaign_id)
            sender = outbox.smtp_settings(session).from_address
            return started, outbox.queue_campaign(session, campaign_id, sender)

        written = self._writer.push(self, self._named(self.tr("Start campaign %1")), run)
        if written is not None:
            started, queued = written.value
            self.message.setText(self.tr("Started: %1 members, %2 left out, %3 e-mails queued.")
                                 .replace("%1", str(started.included))
                                 .replace("%2", str(started.left_out))
                                 .replace("%3", str(queued)))  # fmt: skip
            self.reload()

    @Slot()
    def queue_emails(self) -> None:
        campaign_id = self.campaign_id()
        if campaign_id is None:
            return
        written = self._writer.push(
            self, self._named(self.tr("Queue the e-mails of %1")),
            lambda s: outbox.queue_campaign(s, campaign_id, outbox.smtp_settings(s).from_address),
        )  # fmt: skip
        if written is not None:
            self.message.setText(self.tr("%n e-mail(s) queued.", "", written.value))

    def _named(self, text: str) -> str:
        return text.replace("%1", self.results.campaign.name if self.results else "")

    def selected_members(self) -> list[MemberRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.members[r] for r in rows if r < len(self.members)]

    @Slot()
    def record_response(self) -> bool:
        """The selected members' answer (one undoable step); an unsubscribe opts them out."""
        chosen = [m for m in self.selected_members() if m.status == MemberStatus.INCLUDED]
        if not chosen:
            self.message.setText(self.tr("Select the members who answered first."))
            return False
        kind = self.response.chosen()
        if len(chosen) == 1:
            text = self.tr("Response of %1: %2").replace("%1", chosen[0].name)
        else:
            text = self.tr("%n response(s): %2", "", len(chosen))
        ids = [m.id for m in chosen]
        written = self._writer.push(
            self, text.replace("%2", enum_text(kind)),
            lambda s: [campaigns.record_response(s, mid, kind) for mid in ids],
        )  # fmt: skip
        return written is not None

    @Slot()
    def sms_file(self) -> None:
        campaign_id = self.campaign_id()
        if campaign_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("SMS gateway file"), "sms.csv",
                                              self.tr("CSV files (*.csv)"))  # fmt: skip
        if not path:
            return
        with self._db.reading() as session:
            written, skipped = touches.sms_gateway_csv(session, campaign_id, path)
        self.message.setText(self.tr("%1 messages written, %2 without a usable number.")
                             .replace("%1", str(written)).replace("%2", str(skipped)))  # fmt: skip

    @Slot()
    def copy_texts(self) -> None:
        campaign_id = self.campaign_id()
        if campaign_id is None:
            return
        with self._db.reading() as session:
            text = touches.copy_text(session, campaign_id, Channel.WECHAT)
        QGuiApplication.clipboard().setText(text)
        self.message.setText(self.tr("The WeChat texts are on the clipboard."))

    @Slot()
    def excel_report(self) -> None:
        campaign_id = self.campaign_id()
        if campaign_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Campaign report"), "campaign.xlsx",
                                              self.tr("Excel workbooks (*.xlsx)"))  # fmt: skip
        if not path:
            return

        with self._db.reading() as session:
            campaigns.write_campaign_report(session, campaign_id, path, _tr_reports, _word)
        self.message.setText(self.tr("The report was written to %1.").replace("%1", path))


def _tr_reports(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


def _word(value: str) -> str:
    """A stored value of any campaign vocabulary as the reader's word."""
    for vocabulary in (Channel, MemberStatus, LeftOutReason, ResponseKind):
        if value in vocabulary._value2member_map_:
            return value_text(vocabulary, value)
    return value
