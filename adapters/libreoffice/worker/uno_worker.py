"""Resident LibreOffice conversion worker for @openseal/libreoffice.

Connects to one soffice.bin over a UNO pipe and converts documents to PDF on request. Protocol: one JSON
object per line on stdin (a job), one JSON object per line on stdout (its result). The Node pool owns
both processes, enforces time limits and kills them; this script only converts.
Run with Debian's /usr/bin/python3 (python3-uno); it needs nothing else.
"""
import json
import os
import signal
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.lang import DisposedException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def props(**kwargs):
    return tuple(prop(k, v) for k, v in kwargs.items())


def reply(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def connect(pipe, deadline):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    last = None
    while time.monotonic() < deadline:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception as e:  # NoConnectException while soffice is still starting
            last = e
            time.sleep(0.05)
    raise RuntimeError("could not connect to soffice: %s" % last)


# Export filter per document module (LibreOffice's filter names).
EXPORT_FILTERS = (
    ("com.sun.star.text.TextDocument", "writer_pdf_Export", "writer"),
    ("com.sun.star.sheet.SpreadsheetDocument", "calc_pdf_Export", "calc"),
    ("com.sun.star.presentation.PresentationDocument", "impress_pdf_Export", "impress"),
    ("com.sun.star.drawing.DrawingDocument", "draw_pdf_Export", "draw"),
)


def export_filter(doc):
    for service, name, module in EXPORT_FILTERS:
        if doc.supportsService(service):
            return name, module
    return None, None


def filter_data(job):
    data = [prop("ExportNotes", False), prop("ExportBookmarks", True)]
    if job.get("pdfa"):
        # PDF/A-2b: SelectPdfVersion 2 (LibreOffice PDF export filter options).
        data.append(prop("SelectPdfVersion", 2))
    return uno.Any("[]com.sun.star.beans.PropertyValue", tuple(data))


def convert(desktop, job):
    load = dict(Hidden=True, ReadOnly=True, MacroExecutionMode=0, UpdateDocMode=0, RepairPackage=False)
    if job.get("filter"):
        load["FilterName"] = job["filter"]
    if job.get("filterOptions"):
        load["FilterOptions"] = job["filterOptions"]
    if job.get("password") is not None:
        load["Password"] = job["password"]
    url = uno.systemPathToFileUrl(job["input"])
    try:
        doc = desktop.loadComponentFromURL(url, "_blank", 0, props(**load))
    except DisposedException:
        raise
    except Exception as e:
        return {"ok": False, "error": "load", "message": "%s: %s" % (type(e).__name__, getattr(e, "Message", str(e)))}
    if doc is None:
        return {"ok": False, "error": "load", "message": "LibreOffice could not open the document"}
    try:
        name, module = export_filter(doc)
        if name is None:
            return {"ok": False, "error": "export", "message": "unsupported document type after loading"}
        out = uno.systemPathToFileUrl(job["output"])
        doc.storeToURL(out, props(FilterName=name, FilterData=filter_data(job)))
        return {"ok": True, "module": module}
    except DisposedException:
        raise
    except Exception as e:
        return {"ok": False, "error": "export", "message": "%s: %s" % (type(e).__name__, getattr(e, "Message", str(e)))}
    finally:
        try:
            doc.close(True)
        except Exception:  # already disposed: dispose() is the fallback, failures surface on the next job
            try:
                doc.dispose()
            except Exception as e:
                sys.stderr.write("dispose failed: %s\n" % e)


def warm_up(desktop, job):
    """Loads each module once (Writer, Calc, Impress) so the first real document does not pay for it."""
    out = uno.systemPathToFileUrl(job["output"])
    for factory in ("swriter", "scalc", "simpress"):
        doc = desktop.loadComponentFromURL("private:factory/" + factory, "_blank", 0, props(Hidden=True))
        try:
            name, _ = export_filter(doc)
            doc.storeToURL(out, props(FilterName=name, FilterData=filter_data({})))
        finally:
            doc.close(True)
    return {"ok": True, "module": "warmup"}


def main():
    pipe = sys.argv[1]
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
    soffice_pid = int(sys.argv[3]) if len(sys.argv) > 3 else None
    try:
        ctx = connect(pipe, time.monotonic() + timeout)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    except Exception as e:
        reply({"ready": False, "message": str(e)})
        return 1
    reply({"ready": True})
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        job = json.loads(line)
        if job.get("op") == "quit":
            try:
                desktop.terminate()
            except Exception as e:  # the bridge drops while soffice exits
                sys.stderr.write("terminate: %s\n" % e)
            return 0
        started = time.monotonic()
        try:
            result = warm_up(desktop, job) if job.get("op") == "warmup" else convert(desktop, job)
        except Exception as e:  # a dead bridge (DisposedException) ends the worker: Node restarts it
            reply({"id": job.get("id"), "ok": False, "error": "bridge", "message": "%s: %s" % (type(e).__name__, e)})
            return 2
        result["id"] = job.get("id")
        result["ms"] = round((time.monotonic() - started) * 1000)
        reply(result)
    # stdin closed without "quit": the Node process is gone, so take its soffice (a process group) along.
    if soffice_pid is not None:
        try:
            os.killpg(soffice_pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
