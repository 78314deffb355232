// Debian's libqrencode (libqrencode-dev): encodes the join link for phones as a QR code.
#include <qrencode.h>
