"""TLS and mutual TLS: the right certificates get an answer, anything else gets none.

The certificates are made at run time (a CA, a server certificate for localhost and 127.0.0.1,
a client certificate, and a rogue CA with a client certificate of its own).
"""

from __future__ import annotations

import datetime
import ipaddress
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from quoteattr_client import NO_RETRIES, TLS, QuoteAttributionClient, TransportError
from quoteattr_client.cli import main

StartServer = Callable[..., str]
KOVAC = '"The bridge will close in May," said Mayor Ana Kovac.'


@dataclass(frozen=True)
class Pair:
    """A certificate and its key, as PEM files."""

    cert: Path
    key: Path


@dataclass(frozen=True)
class Certificates:
    ca: Path  # the CA the server and the good client trust
    server: Pair  # for localhost and 127.0.0.1, signed by `ca`
    client: Pair  # signed by `ca`
    rogue_ca: Path  # another CA, trusted by nobody
    rogue_client: Pair  # signed by `rogue_ca`


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _write(
    folder: Path, stem: str, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey
) -> Pair:
    pair = Pair(folder / f"{stem}.crt", folder / f"{stem}.key")
    pair.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pair.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pair


def _certificate(
    subject: str,
    key: ec.EllipticCurvePrivateKey,
    issuer: tuple[x509.Name, ec.EllipticCurvePrivateKey] | None,
    *,
    ca: bool = False,
    server: bool = False,
) -> x509.Certificate:
    now = datetime.datetime.now(datetime.UTC)
    issuer_name, issuer_key = issuer if issuer else (_name(subject), key)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if server:
        builder = builder.add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        ).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    elif not ca:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False
        )
    return builder.sign(issuer_key, hashes.SHA256())


def _authority(folder: Path, stem: str) -> tuple[Path, x509.Name, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate(f"quoteattr test {stem}", key, None, ca=True)
    return _write(folder, stem, cert, key).cert, cert.subject, key


def _leaf(
    folder: Path,
    stem: str,
    issuer: tuple[x509.Name, ec.EllipticCurvePrivateKey],
    *,
    server: bool = False,
) -> Pair:
    key = ec.generate_private_key(ec.SECP256R1())
    return _write(folder, stem, _certificate(stem, key, issuer, server=server), key)


@pytest.fixture(scope="session")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    """A CA, a server and a client certificate it signed, and a rogue CA with its client."""
    folder = tmp_path_factory.mktemp("certs")
    ca, ca_name, ca_key = _authority(folder, "ca")
    rogue_ca, rogue_name, rogue_key = _authority(folder, "rogue-ca")
    return Certificates(
        ca=ca,
        server=_leaf(folder, "localhost", (ca_name, ca_key), server=True),
        client=_leaf(folder, "client", (ca_name, ca_key)),
        rogue_ca=rogue_ca,
        rogue_client=_leaf(folder, "rogue-client", (rogue_name, rogue_key)),
    )


def _attribute(address: str, tls: TLS | None) -> str:
    """The speaker of KOVAC's quote, as the server at `address` answers over `tls`."""
    with QuoteAttributionClient(address, timeout=10, retries=NO_RETRIES, tls=tls) as client:
        result = client.attribute(KOVAC)
    speaker = result.speaker(result.quotes[0])
    assert speaker is not None
    return speaker.name


def test_tls_with_the_servers_ca_succeeds(
    start_server: StartServer, certificates: Certificates
) -> None:
    address = start_server(tls_cert=certificates.server.cert, tls_key=certificates.server.key)

    assert _attribute(address, TLS(ca=certificates.ca)) == "Ana Kovac"
    # The name checked can be set apart from the address dialled.
    assert _attribute(address, TLS(ca=certificates.ca.read_bytes(), server_name="localhost"))


@pytest.mark.parametrize(
    "tls", ["plaintext", "other-ca", "other-name"], ids=["plaintext", "other-ca", "other-name"]
)
def test_tls_without_a_trusted_server_certificate_fails(
    start_server: StartServer, certificates: Certificates, tls: str
) -> None:
    address = start_server(tls_cert=certificates.server.cert, tls_key=certificates.server.key)
    options = {
        "plaintext": None,
        "other-ca": TLS(ca=certificates.rogue_ca),
        "other-name": TLS(ca=certificates.ca, server_name="quoteattr.example.org"),
    }[tls]

    with pytest.raises(TransportError) as raised:
        _attribute(address, options)

    assert raised.value.code == grpc.StatusCode.UNAVAILABLE


def test_mutual_tls_with_a_client_certificate_succeeds(
    start_server: StartServer, certificates: Certificates
) -> None:
    address = start_server(
        tls_cert=certificates.server.cert,
        tls_key=certificates.server.key,
        tls_client_ca=certificates.ca,
    )
    client = certificates.client

    assert _attribute(address, TLS(ca=certificates.ca, cert=client.cert, key=client.key))


@pytest.mark.parametrize("client", ["none", "rogue"])
def test_mutual_tls_refuses_a_client_without_a_trusted_certificate(
    start_server: StartServer, certificates: Certificates, client: str
) -> None:
    address = start_server(
        tls_cert=certificates.server.cert,
        tls_key=certificates.server.key,
        tls_client_ca=certificates.ca,
    )
    rogue = certificates.rogue_client
    options = {
        "none": TLS(ca=certificates.ca),
        "rogue": TLS(ca=certificates.ca, cert=rogue.cert, key=rogue.key),
    }[client]

    with pytest.raises(TransportError) as raised:
        _attribute(address, options)

    assert raised.value.code == grpc.StatusCode.UNAVAILABLE


def test_a_missing_certificate_file_stops_the_server_from_starting(
    start_server: StartServer, certificates: Certificates, tmp_path: Path
) -> None:
    with pytest.raises(RuntimeError, match="cannot read TLS file"):
        start_server(tls_cert=tmp_path / "missing.crt", tls_key=certificates.server.key)


def test_tls_options_must_come_in_pairs(certificates: Certificates) -> None:
    with pytest.raises(ValueError, match="cert and key go together"):
        TLS(cert=certificates.client.cert)


def test_the_command_line_takes_the_tls_options(
    start_server: StartServer, certificates: Certificates, capsys: pytest.CaptureFixture[str]
) -> None:
    address = start_server(
        tls_cert=certificates.server.cert,
        tls_key=certificates.server.key,
        tls_client_ca=certificates.ca,
    )
    client = certificates.client
    tls = ["--tls-ca", str(certificates.ca)]

    assert (
        main(
            [
                "health",
                "--target",
                address,
                *tls,
                "--tls-cert",
                str(client.cert),
                "--tls-key",
                str(client.key),
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == "SERVING"
    assert main(["health", "--target", address, "--timeout", "2", *tls]) == 1
