# Reduced from Arize-ai/phoenix, src/phoenix/tracers.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
from collections import defaultdict
from datetime import datetime, timezone

import wrapt
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import format_span_id, format_trace_id
from sqlalchemy.ext.asyncio import AsyncSession

from phoenix.db import models
from phoenix.server.daemons.span_cost_calculator import SpanCostCalculator


class Tracer(wrapt.ObjectProxy):  # type: ignore[misc]
    """
    An in-memory tracer that captures spans and persists them to the database.
    """

    def __init__(self, *, span_cost_calculator: SpanCostCalculator) -> None:
        self._self_span_cost_calculator = span_cost_calculator
        self._self_exporter = InMemorySpanExporter()
        span_processor = SimpleSpanProcessor(self._self_exporter)
        provider = TracerProvider()
        provider.add_span_processor(span_processor)
        tracer = provider.get_tracer(__name__)
        super().__init__(tracer)

    async def save_db_traces(self, *, session: AsyncSession, project_id: int) -> list[models.Trace]:
        """
        Persists captured traces and spans to the database.
        """
        otel_spans = self._self_exporter.get_finished_spans()
        if not otel_spans:
            return []

        db_spans_by_trace_id: defaultdict[int, list[models.Span]] = defaultdict(list)
        for otel_span in otel_spans:
            trace_id = otel_span.get_span_context().trace_id  # type: ignore[no-untyped-call]
            db_spans_by_trace_id[trace_id].append(_get_db_span(otel_span=otel_span))

        db_traces = []
        for trace_id, db_spans in db_spans_by_trace_id.items():
            db_trace = models.Trace(
                project_rowid=project_id,
                trace_id=format_trace_id(trace_id),
                start_time=min(span.start_time for span in db_spans),
                end_time=max(span.end_time for span in db_spans),
            )
            db_trace.spans = db_spans  # explicitly set relationship to avoid lazy load
            db_traces.append(db_trace)

        session.add_all(db_traces)
        await session.flush()

        return db_traces

    def clear(self) -> None:
        """
        Clear all captured spans from the in-memory buffer.
        """
        self._self_exporter.clear()


def _get_db_span(*, otel_span: ReadableSpan) -> models.Span:
    return models.Span(
        span_id=format_span_id(otel_span.get_span_context().span_id),  # type: ignore[no-untyped-call]
        name=otel_span.name,
        start_time=datetime.fromtimestamp((otel_span.start_time or 0) / 1e9, tz=timezone.utc),
        end_time=datetime.fromtimestamp((otel_span.end_time or 0) / 1e9, tz=timezone.utc),
        attributes=dict(otel_span.attributes or {}),
    )
