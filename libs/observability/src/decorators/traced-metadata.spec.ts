import { Controller, Get, Post, SetMetadata, UseGuards, type CanActivate } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { MessagePattern } from '@nestjs/microservices';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { Traced } from './traced.js';

class AllowAll implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}

function metadataOf(fn: object): Record<string, unknown> {
  const entries = Reflect.getOwnMetadataKeys(fn).map((key) => [String(key), Reflect.getOwnMetadata(key, fn)]);
  return Object.fromEntries(entries);
}

@Controller('items')
class Plain {
  @Get(':id')
  @SetMetadata('roles', ['admin'])
  @UseGuards(AllowAll)
  @ApiOperation({ summary: 'Read an item' })
  @ApiResponse({ status: 200, description: 'The item' })
  read(): string {
    return 'item';
  }

  @Post()
  @MessagePattern({ cmd: 'create' })
  @OnEvent('item.requested')
  create(): string {
    return 'created';
  }
}

@Controller('items')
class TracedOutermost {
  @Traced('items.read')
  @Get(':id')
  @SetMetadata('roles', ['admin'])
  @UseGuards(AllowAll)
  @ApiOperation({ summary: 'Read an item' })
  @ApiResponse({ status: 200, description: 'The item' })
  read(): string {
    return 'item';
  }

  @Traced('items.create')
  @Post()
  @MessagePattern({ cmd: 'create' })
  @OnEvent('item.requested')
  create(): string {
    return 'created';
  }
}

@Controller('items')
class TracedInnermost {
  @Get(':id')
  @SetMetadata('roles', ['admin'])
  @UseGuards(AllowAll)
  @ApiOperation({ summary: 'Read an item' })
  @ApiResponse({ status: 200, description: 'The item' })
  @Traced('items.read')
  read(): string {
    return 'item';
  }

  @Post()
  @MessagePattern({ cmd: 'create' })
  @OnEvent('item.requested')
  @Traced('items.create')
  create(): string {
    return 'created';
  }
}

describe('@Traced keeps framework metadata', () => {
  const expectedRead = metadataOf(Plain.prototype.read);
  const expectedCreate = metadataOf(Plain.prototype.create);

  it('has metadata to compare against', () => {
    expect(Object.keys(expectedRead)).toEqual(
      expect.arrayContaining(['path', 'method', 'roles', '__guards__', 'swagger/apiOperation']),
    );
    expect(Object.keys(expectedCreate)).toEqual(expect.arrayContaining(['microservices:pattern', 'EVENT_LISTENER_METADATA']));
  });

  it.each([
    ['applied last (outermost)', TracedOutermost],
    ['applied first (innermost)', TracedInnermost],
  ])('when %s', (_order, controller) => {
    expect(metadataOf(controller.prototype.read)).toEqual(expectedRead);
    expect(metadataOf(controller.prototype.create)).toEqual(expectedCreate);
    expect(new controller().read()).toBe('item');
  });
});
