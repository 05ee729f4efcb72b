"""The browser tests' server harness: a response's iterator is closed before anything is written,
so a connection the browser drops cannot leave a static file open (CI failed once on that)."""

from tests.e2e.harness import buffered


class FileLikeBody:
    def __init__(self, chunks):
        self.chunks = chunks
        self.closed = False

    def __iter__(self):
        return iter(self.chunks)

    def close(self):
        self.closed = True


def test_the_body_is_read_whole_and_closed_before_the_server_writes_it():
    body = FileLikeBody([b"<svg", b"/>"])
    statuses = []

    def app(environ, start_response):
        start_response("200 OK", [])
        return body

    response = buffered(app)({}, lambda status, headers: statuses.append(status))

    assert body.closed
    assert list(response) == [b"<svg/>"]
    assert statuses == ["200 OK"]


def test_a_body_without_close_is_passed_on_whole():
    response = buffered(lambda environ, start_response: [b"a", b"b"])({}, None)

    assert list(response) == [b"ab"]
