# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.10.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(420, 130)
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.languageLabel = QLabel(SettingsDialog)
        self.languageLabel.setObjectName(u"languageLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(SettingsDialog)
        self.languageCombo.setObjectName(u"languageCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.folderMinutesLabel = QLabel(SettingsDialog)
        self.folderMinutesLabel.setObjectName(u"folderMinutesLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.folderMinutesLabel)

        self.folderMinutesSpin = QSpinBox(SettingsDialog)
        self.folderMinutesSpin.setObjectName(u"folderMinutesSpin")
        self.folderMinutesSpin.setMinimum(1)
        self.folderMinutesSpin.setMaximum(1440)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.folderMinutesSpin)

        self.warnDaysLabel = QLabel(SettingsDialog)
        self.warnDaysLabel.setObjectName(u"warnDaysLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.warnDaysLabel)

        self.warnDaysSpin = QSpinBox(SettingsDialog)
        self.warnDaysSpin.setObjectName(u"warnDaysSpin")
        self.warnDaysSpin.setMinimum(1)
        self.warnDaysSpin.setMaximum(365)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.warnDaysSpin)


        self.mainLayout.addLayout(self.formLayout)

        self.restartLabel = QLabel(SettingsDialog)
        self.restartLabel.setObjectName(u"restartLabel")
        self.restartLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.restartLabel)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.folderMinutesLabel.setBuddy(self.folderMinutesSpin)
        self.warnDaysLabel.setBuddy(self.warnDaysSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)
        self.buttonBox.accepted.connect(SettingsDialog.accept)
        self.buttonBox.rejected.connect(SettingsDialog.reject)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"C\u00e0i \u0111\u1eb7t", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Ng\u00f4n ng\u1eef giao di\u1ec7n:", None))
        self.folderMinutesLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u0110\u1ed3ng b\u1ed9 &th\u01b0 m\u1ee5c m\u1ed7i:", None))
        self.folderMinutesSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" ph\u00fat", None))
        self.warnDaysLabel.setText(QCoreApplication.translate("SettingsDialog", u"&C\u1ea3nh b\u00e1o v\u0103n ph\u00f2ng kh\u00f4ng g\u1eedi g\u00f3i v\u1ec1 qu\u00e1:", None))
        self.warnDaysSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" ng\u00e0y", None))
        self.restartLabel.setText(QCoreApplication.translate("SettingsDialog", u"Ng\u00f4n ng\u1eef m\u1edbi c\u00f3 hi\u1ec7u l\u1ef1c khi m\u1edf l\u1ea1i \u1ee9ng d\u1ee5ng.", None))
    # retranslateUi

