#include "testbroker.h"
#include <QTest>
class tst_CliBrokers : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(tst_CliBrokers)
#include "tst_clibrokers.moc"
